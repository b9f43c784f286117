import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface DevSecrets {
  readonly cryptoKey: string;
  readonly jwtSecret: string;
}

/**
 * Dev mode only: a crypto key and a JWT secret kept in the data directory (mode 0600), created on
 * first start, so a bare `npm start` works and restarts can still open what was sealed before.
 */
export async function loadOrCreateDevSecrets(
  dataDir: string,
): Promise<{ secrets: DevSecrets; path: string; created: boolean }> {
  const path = join(dataDir, 'dev-secrets.json');
  try {
    const secrets = JSON.parse(await readFile(path, 'utf8')) as DevSecrets;
    if (secrets.cryptoKey && secrets.jwtSecret) return { secrets, path, created: false };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      throw new Error(`cannot read ${path}: ${(error as Error).message}`);
  }
  const secrets: DevSecrets = {
    cryptoKey: randomBytes(32).toString('base64'),
    jwtSecret: randomBytes(48).toString('base64url'),
  };
  await mkdir(dataDir, { recursive: true });
  await writeFile(path, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return { secrets, path, created: true };
}

import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** A database of the run's own on a PostgreSQL server: created for the run, dropped after it. */
export interface ScratchDatabase {
  readonly name: string;
  /** The server's URL with this database's name in place of the given one. */
  readonly url: string;
  /** Drops it, with the connections still open to it (the service's, when it did not stop). */
  drop(): Promise<void>;
}

/**
 * Creates `integration_bench_<random>` on the server `serverUrl` points at, so that a run leaves
 * nothing in the database the caller named: the service migrates and writes into the scratch one.
 */
export async function createScratchDatabase(serverUrl: string): Promise<ScratchDatabase> {
  const name = `integration_bench_${randomBytes(4).toString('hex')}`;
  await onServer(serverUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () => onServer(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

async function onServer(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { startEmbeddedPostgres } from '../embedded/embedded-postgres.js';
import { createDatabase, type Database } from '../postgres/database.js';
import { migrateToLatest } from '../postgres/migrate.js';
import { dockerAnswers } from './docker.js';
import { report } from './report.js';

export interface TestDatabase {
  readonly url: string;
  cleanup(): Promise<void>;
}

/**
 * A PostgreSQL database of its own for one test file: a fresh database on the DATABASE_URL
 * server when set, else a testcontainers PostgreSQL when Docker answers, else an embedded
 * PostgreSQL in a temporary directory. `cleanup` removes whatever was made.
 */
export async function getTestDatabaseUrl(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) return freshDatabaseOn(serverUrl);
  if (dockerAnswers()) {
    try {
      return await postgresContainer();
    } catch (error) {
      report(
        `PostgreSQL container failed (${error instanceof Error ? error.message : String(error)}); trying embedded`,
      );
    }
  }
  return embeddedDatabase();
}

async function freshDatabaseOn(serverUrl: string): Promise<TestDatabase> {
  const name = `itest_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await adminQuery(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  report(`using the DATABASE_URL server (${url.host}), database ${name}`);
  return {
    url: url.toString(),
    cleanup: () => adminQuery(serverUrl, `drop database if exists ${name} with (force)`),
  };
}

async function adminQuery(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

async function postgresContainer(): Promise<TestDatabase> {
  const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
  const container = await new PostgreSqlContainer('postgres:16-alpine').start();
  report('using a testcontainers PostgreSQL');
  return { url: container.getConnectionUri(), cleanup: async () => void (await container.stop()) };
}

async function embeddedDatabase(): Promise<TestDatabase> {
  const parent = await mkdtemp(path.join(tmpdir(), 'integration-api-pg-'));
  // Under root PostgreSQL runs as the `postgres` user, which must be able to enter the directory.
  await chmod(parent, 0o755);
  report(`no DATABASE_URL and no Docker: using an embedded PostgreSQL in ${parent}`);
  try {
    const server = await startEmbeddedPostgres({ dataDir: path.join(parent, 'data') });
    return {
      url: server.url,
      cleanup: async () => {
        await server.stop();
        await rm(parent, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(parent, { recursive: true, force: true });
    throw error;
  }
}

export interface MigratedTestDatabase {
  readonly url: string;
  readonly db: Kysely<Database>;
  /** Destroys the pool, then removes the database. */
  close(): Promise<void>;
}

/** `getTestDatabaseUrl` plus a migrated kysely instance on it. */
export async function openMigratedTestDatabase(): Promise<MigratedTestDatabase> {
  const testDb = await getTestDatabaseUrl();
  const db = createDatabase(testDb.url, { maxConnections: 4 });
  try {
    await migrateToLatest(db);
  } catch (error) {
    await db.destroy();
    await testDb.cleanup();
    throw error;
  }
  return {
    url: testDb.url,
    db,
    close: async () => {
      await db.destroy();
      await testDb.cleanup();
    },
  };
}

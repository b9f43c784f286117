import type { CredentialConfig, CredentialStatus } from '@integration-api/core';
import { Kysely, PostgresDialect, type ColumnType, type Generated } from 'kysely';
import pg from 'pg';
import type { StorageLogger } from '../logger.js';

/** Written by the database when omitted; always present when read. */
type Defaulted<T> = ColumnType<T, T | undefined, T>;

export interface CredentialsTable {
  id: string;
  organization_id: string;
  project_id: string;
  provider: string;
  name: string;
  sealed_secret: string;
  key_id: string;
  hint: string;
  /** jsonb: read as an object, written as JSON text. */
  config: ColumnType<CredentialConfig, string | undefined, string>;
  status: CredentialStatus;
  last_verified_at: Date | null;
  last_verification_error: string | null;
  version: Defaulted<number>;
  created_at: Defaulted<Date>;
  updated_at: Defaulted<Date>;
  deleted_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface EncryptionKeyChecksTable {
  key_id: string;
  check_value: string;
  created_at: Generated<Date>;
}

export interface Database {
  credentials: CredentialsTable;
  encryption_key_checks: EncryptionKeyChecksTable;
}

export interface DatabaseOptions {
  /** Pool size per process. Default 10. */
  readonly maxConnections?: number;
  /** Server-side limit for one statement. Default 5000 ms. */
  readonly statementTimeoutMs?: number;
  /** How long to wait for a connection (new or from the pool). Default 5000 ms. */
  readonly connectionTimeoutMs?: number;
  readonly applicationName?: string;
  readonly logger?: StorageLogger;
}

export function createDatabase(url: string, options: DatabaseOptions = {}): Kysely<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    statement_timeout: options.statementTimeoutMs ?? 5000,
    connectionTimeoutMillis: options.connectionTimeoutMs ?? 5000,
    // A transaction left open by a bug must not hold its locks forever.
    idle_in_transaction_session_timeout: 60_000,
    idleTimeoutMillis: 30_000,
    application_name: options.applicationName ?? 'integration-api',
  });
  // An idle client losing its connection emits here; without a listener the process would crash.
  pool.on('error', (error) => {
    options.logger?.warn({ err: error.message }, 'an idle PostgreSQL connection failed');
  });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

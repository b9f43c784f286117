import type { HealthCheck } from '@integration-api/core';
import { sql, type Kysely } from 'kysely';

/** Readiness of the database: a `select 1` round trip. */
export function postgresHealthCheck<DB>(db: Kysely<DB>): HealthCheck {
  return {
    name: 'database',
    async ping() {
      await sql`select 1`.execute(db);
    },
  };
}

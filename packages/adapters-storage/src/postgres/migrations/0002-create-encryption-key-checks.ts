import { sql, type Kysely } from 'kysely';

/** One sealed check value per key id, to detect a wrong key at start-up. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('encryption_key_checks')
    .addColumn('key_id', 'text', (col) => col.primaryKey())
    .addColumn('check_value', 'text', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
}

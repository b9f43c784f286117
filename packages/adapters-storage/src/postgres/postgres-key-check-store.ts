import type { Kysely } from 'kysely';
import type { KeyCheckStore } from '../crypto/key-check.js';
import type { Database } from './database.js';

/** Key check values in the `encryption_key_checks` table. */
export class PostgresKeyCheckStore implements KeyCheckStore {
  constructor(private readonly db: Kysely<Database>) {}

  async get(keyId: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('encryption_key_checks')
      .select('check_value')
      .where('key_id', '=', keyId)
      .executeTakeFirst();
    return row?.check_value;
  }

  async insertIfAbsent(keyId: string, checkValue: string): Promise<boolean> {
    const inserted = await this.db
      .insertInto('encryption_key_checks')
      .values({ key_id: keyId, check_value: checkValue })
      .onConflict((conflict) => conflict.column('key_id').doNothing())
      .returning('key_id')
      .executeTakeFirst();
    return inserted !== undefined;
  }
}

import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { createDatabase, type Database } from '../postgres/database.js';
import { migrateToLatest } from '../postgres/migrate.js';
import { PostgresKeyCheckStore } from '../postgres/postgres-key-check-store.js';
import { getTestDatabaseUrl, type TestDatabase } from '../testing/test-database.js';
import { verifyKeyRing, type KeyCheckStore } from './key-check.js';
import type { KeyRing } from './key-ring.js';

function ring(activeKeyId: string, keys: Record<string, Buffer>): KeyRing {
  return { activeKeyId, keys: new Map(Object.entries(keys)) };
}

describe('verifyKeyRing with the PostgreSQL store', () => {
  let testDb: TestDatabase;
  let db: Kysely<Database>;
  let store: PostgresKeyCheckStore;

  beforeAll(async () => {
    testDb = await getTestDatabaseUrl();
    db = createDatabase(testDb.url);
    await migrateToLatest(db);
    store = new PostgresKeyCheckStore(db);
  }, 120_000);

  afterAll(async () => {
    await db?.destroy();
    await testDb?.cleanup();
  });

  beforeEach(async () => {
    await db.deleteFrom('encryption_key_checks').execute();
  });

  it('records a check value for each new key id, then verifies them on the next start', async () => {
    const keys = ring('a', { a: randomBytes(32), b: randomBytes(32) });
    await expect(verifyKeyRing(keys, store)).resolves.toEqual({ verified: [], recorded: ['a', 'b'] });
    await expect(verifyKeyRing(keys, store)).resolves.toEqual({ verified: ['a', 'b'], recorded: [] });

    const stored = await db.selectFrom('encryption_key_checks').selectAll().orderBy('key_id').execute();
    expect(stored.map((row) => row.key_id)).toEqual(['a', 'b']);
    expect(stored[0]?.check_value).toMatch(/^v1\.a\./);
  });

  it('refuses to start with a different key under a known key id', async () => {
    await verifyKeyRing(ring('a', { a: randomBytes(32) }), store);
    await expect(verifyKeyRing(ring('a', { a: randomBytes(32) }), store)).rejects.toThrow(
      'the key for key id a does not match the one that sealed existing data',
    );
  });

  it('checks older keys too, after a rotation', async () => {
    const oldKey = randomBytes(32);
    await verifyKeyRing(ring('old', { old: oldKey }), store);
    const rotated = ring('new', { new: randomBytes(32), old: oldKey });
    await expect(verifyKeyRing(rotated, store)).resolves.toEqual({ verified: ['old'], recorded: ['new'] });
    await expect(verifyKeyRing(ring('new', { new: randomBytes(32) }), store)).rejects.toThrow(/key id new/);
  });

  it('refuses a check value that was moved to another key id', async () => {
    const key = randomBytes(32);
    await verifyKeyRing(ring('a', { a: key }), store);
    const value = await store.get('a');
    await store.insertIfAbsent('b', value ?? '');
    await expect(verifyKeyRing(ring('b', { b: key }), store)).rejects.toThrow(/key id b does not match/);
  });

  it('verifies the value another replica recorded between our read and our insert', async () => {
    const key = randomBytes(32);
    await verifyKeyRing(ring('a', { a: key }), store);
    let reads = 0;
    const racing: KeyCheckStore = {
      get: async (id) => (reads++ === 0 ? undefined : store.get(id)),
      insertIfAbsent: async () => false,
    };
    await expect(verifyKeyRing(ring('a', { a: key }), racing)).resolves.toEqual({
      verified: ['a'],
      recorded: [],
    });
  });
});

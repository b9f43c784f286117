import { sql } from 'kysely';
import { openMigratedTestDatabase, type MigratedTestDatabase } from '../testing/test-database.js';
import { migrateToLatest } from './migrate.js';
import { migrations } from './migrations/index.js';
import { postgresHealthCheck } from './postgres-health-check.js';

describe('migrateToLatest', () => {
  let testDb: MigratedTestDatabase;

  beforeAll(async () => {
    testDb = await openMigratedTestDatabase();
  }, 120_000);

  afterAll(async () => {
    await testDb?.close();
  });

  it('has applied every migration, in order', async () => {
    const applied = await testDb.db
      .selectFrom(sql<{ name: string }>`kysely_migration`.as('m'))
      .select('name')
      .orderBy('name')
      .execute();
    expect(applied.map((row) => row.name)).toEqual(Object.keys(migrations).sort());
  });

  it('applies nothing the second time', async () => {
    await expect(migrateToLatest(testDb.db)).resolves.toEqual([]);
  });

  it('creates the tables and indexes the repository relies on', async () => {
    const indexes = await sql<{ indexname: string; indexdef: string }>`
      select indexname, indexdef from pg_indexes where tablename = 'credentials' order by indexname
    `.execute(testDb.db);
    const byName = new Map(indexes.rows.map((row) => [row.indexname, row.indexdef]));
    expect(byName.get('credentials_tenant_name_unique')).toMatch(
      /UNIQUE INDEX .*\(organization_id, project_id, name\) WHERE \(deleted_at IS NULL\)/,
    );
    expect(byName.get('credentials_tenant_list')).toMatch(
      /\(organization_id, project_id, id\) WHERE \(deleted_at IS NULL\)/,
    );
    const tables = await sql<{ tablename: string }>`
      select tablename from pg_tables where schemaname = 'public' order by tablename
    `.execute(testDb.db);
    expect(tables.rows.map((row) => row.tablename)).toEqual(
      expect.arrayContaining(['credentials', 'encryption_key_checks']),
    );
  });

  it('refuses a status outside unverified, active and invalid', async () => {
    await expect(
      sql`insert into credentials (id, organization_id, project_id, provider, name, sealed_secret, key_id, hint, status)
          values (gen_random_uuid(), 'o', 'p', 'openai', 'n', 's', 'k', 'h', 'revoked')`.execute(testDb.db),
    ).rejects.toThrow(/credentials_status_check/);
  });

  it('answers the database health check', async () => {
    const check = postgresHealthCheck(testDb.db);
    expect(check.name).toBe('database');
    await expect(check.ping(new AbortController().signal)).resolves.toBeUndefined();
  });
});

import pg from 'pg';
import { createScratchDatabase } from './scratch-database.js';

const serverUrl = process.env.DATABASE_URL;
const describeWithPostgres = serverUrl ? describe : describe.skip;
if (!serverUrl) console.warn('scratch-database tests skipped: DATABASE_URL is not set');

async function query<T>(url: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, values)).rows as T[];
  } finally {
    await client.end();
  }
}

describeWithPostgres('createScratchDatabase', () => {
  it('creates a database of its own on the server and drops it, open connections and all', async () => {
    const scratch = await createScratchDatabase(serverUrl!);
    expect(scratch.name).toMatch(/^integration_bench_[0-9a-f]{8}$/);
    const [row] = await query<{ name: string }>(scratch.url, 'select current_database() as name');
    expect(row?.name).toBe(scratch.name);

    const held = new pg.Client({ connectionString: scratch.url });
    await held.connect();
    held.on('error', () => {}); // the drop ends this connection
    await scratch.drop();
    const left = await query(serverUrl!, 'select 1 from pg_database where datname = $1', [scratch.name]);
    expect(left).toEqual([]);
    await held.end().catch(() => {});
  });
});

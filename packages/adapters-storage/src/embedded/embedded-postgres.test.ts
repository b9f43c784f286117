import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from './embedded-postgres.js';

async function query(url: string, text: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}

describe('startEmbeddedPostgres', () => {
  let parent: string;

  beforeAll(async () => {
    parent = await mkdtemp(path.join(tmpdir(), 'embedded-pg-test-'));
    // Under root the server runs as `postgres`, which must be able to enter the directory.
    await chmod(parent, 0o755);
  });

  afterAll(async () => {
    await rm(parent, { recursive: true, force: true });
  });

  it('initialises a cluster once, keeps its data across restarts, and logs no password', async () => {
    const dataDir = path.join(parent, 'data');
    const lines: string[] = [];
    const logger = {
      warn: (obj: object, msg: string) => lines.push(`${JSON.stringify(obj)} ${msg}`),
      info: (obj: object, msg: string) => lines.push(`${JSON.stringify(obj)} ${msg}`),
      debug: (obj: object, msg: string) => lines.push(`${JSON.stringify(obj)} ${msg}`),
    };

    const first = await startEmbeddedPostgres({ dataDir, logger });
    try {
      expect(new URL(first.url).pathname).toBe('/integration');
      await query(first.url, "create table kept (value text); insert into kept values ('still here')");
    } finally {
      await first.stop();
    }

    const second = await startEmbeddedPostgres({ dataDir, logger });
    try {
      await expect(query(second.url, 'select value from kept')).resolves.toEqual([{ value: 'still here' }]);
    } finally {
      await second.stop();
    }

    const password = decodeURIComponent(new URL(second.url).password);
    expect(password.length).toBeGreaterThan(20);
    expect(new URL(first.url).password).toBe(new URL(second.url).password);
    expect((await readFile(path.join(dataDir, 'PG_VERSION'), 'utf8')).trim()).toMatch(/^\d+$/);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join('\n')).not.toContain(password);
    await expect(query(second.url, 'select 1')).rejects.toThrow();
  }, 120_000);
});

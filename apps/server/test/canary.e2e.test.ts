import { MockProviderServer, json } from '@integration-api/adapters-llm/testing';
import type { CredentialService } from '@integration-api/core';
import pg from 'pg';
import { createClient as createRedisClient } from 'redis';
import { TOKENS } from '../src/container.js';
import { api, startHarness, type Harness } from './harness.js';

// Secrets that must never leave the vault in plaintext. Each is distinctive so a leak anywhere,
// in any encoding that keeps the text, is found by a plain substring search.
const CANARY_REST = 'sk-canary-rest-5f1e0c9b7a3d4e2f8a6b';
const CANARY_GRPC = 'sk-canary-grpc-9c8b7a6d5e4f3a2b1c0d';
const CANARY_ROTATED = 'sk-canary-rotated-0a1b2c3d4e5f6a7b8c';
const CANARY_REFUSED = 'sk-canary-refused-77aa88bb99cc00dd11';
const CANARIES = [CANARY_REST, CANARY_GRPC, CANARY_ROTATED, CANARY_REFUSED];

describe('a canary secret', () => {
  let harness: Harness;
  let provider: MockProviderServer;
  const seen: string[] = []; // every response body and error text the clients received

  beforeAll(async () => {
    provider = await MockProviderServer.start();
    // A provider that accepts the good keys and, like some real ones, echoes a refused key back.
    provider.route('GET', '/v1/models', (req, res, ctx) => {
      const key = String(req.headers.authorization ?? '').replace('Bearer ', '');
      if (key === CANARY_REFUSED) {
        return json(401, { error: { message: `Incorrect API key provided: ${key}. Find your key at …` } })(
          req,
          res,
          ctx,
        );
      }
      return json(200, { object: 'list', data: [] })(req, res, ctx);
    });
    harness = await startHarness({ env: { LOG_LEVEL: 'trace' } });
  });
  afterAll(async () => {
    await harness?.stop();
    await provider?.close();
  });

  it('never appears in logs, responses, Redis or the database', async () => {
    const token = await harness.token();
    const config = { baseUrl: provider.urlFor('/v1') };
    const rest = async (method: string, path: string, body?: unknown) => {
      const response = await api(harness, token, method, path, body);
      seen.push(response.text, JSON.stringify([...response.headers]));
      return response;
    };

    // REST: create (verified), read, list, rotate, verify, and error paths that carry the secret.
    const created = await rest('POST', '/v1/credentials', {
      provider: 'openai',
      name: 'canary',
      secret: CANARY_REST,
      config,
    });
    expect(created.status).toBe(201);
    const id = created.json.id as string;
    expect((await rest('GET', `/v1/credentials/${id}`)).status).toBe(200);
    expect((await rest('GET', '/v1/credentials')).status).toBe(200);
    expect((await rest('PATCH', `/v1/credentials/${id}`, { secret: CANARY_ROTATED })).status).toBe(200);
    expect((await rest('POST', `/v1/credentials/${id}/verify`)).status).toBe(200);
    expect(
      (
        await rest('POST', '/v1/credentials', {
          provider: 'openai',
          name: 'refused',
          secret: CANARY_REFUSED,
          config,
        })
      ).status,
    ).toBe(422);
    expect(
      (
        await rest('POST', '/v1/credentials', {
          provider: 'openai',
          name: 'bad',
          secret: { apiKey: CANARY_REST, x: CANARY_REST },
        })
      ).status,
    ).toBe(400);
    expect(
      (await rest('POST', '/v1/credentials', { provider: 'nope', name: 'bad', secret: CANARY_REST })).status,
    ).toBe(400);

    // gRPC on the same port: create, get, list, and an error.
    const { client } = harness.grpc(token);
    const viaGrpc = await client.createCredential({
      provider: 'openai',
      name: 'canary-grpc',
      secret: { apiKey: CANARY_GRPC, fields: {} },
      config,
    });
    seen.push(JSON.stringify(viaGrpc), JSON.stringify(await client.getCredential({ id: viaGrpc.id })));
    seen.push(JSON.stringify(await client.listCredentials({})));
    const grpcError = await client
      .createCredential({
        provider: 'openai',
        name: 'refused-grpc',
        secret: { apiKey: CANARY_REFUSED, fields: {} },
        config,
      })
      .catch((error: Error) => error);
    expect(grpcError).toBeInstanceOf(Error);
    seen.push(String((grpcError as Error).message), JSON.stringify(grpcError));

    // Use the secrets the way inference will: resolved through the caches and opened for one call.
    const credentials = harness.server.container.get<CredentialService>(TOKENS.CredentialService);
    const principal = {
      subject: 'e2e',
      organizationId: 'org-e2e',
      projectId: 'proj-e2e',
      scopes: new Set(['inference'] as const),
    };
    for (const credentialId of [id, viaGrpc.id]) {
      const opened = await credentials.withSecret(principal, credentialId, async (secret) => secret.apiKey);
      expect([CANARY_ROTATED, CANARY_GRPC]).toContain(opened);
    }

    const everything = {
      responses: seen.join('\n'),
      logs: harness.logLines.join(''),
      redis: await dumpRedis(harness.redisUrl),
      database: await dumpDatabase(harness.databaseUrl),
    };
    // The checks below would pass vacuously on empty dumps: make sure each holds real content.
    expect(everything.logs).toContain('"msg":"request completed"');
    expect(everything.database).toContain('canary-grpc');
    if (harness.redisUrl) expect(everything.redis).toContain(viaGrpc.id);
    expect(everything.responses).toContain('…');

    for (const [where, text] of Object.entries(everything)) {
      for (const canary of CANARIES) {
        if (text.includes(canary)) throw new Error(`the canary ${canary.slice(0, 14)}… leaked into ${where}`);
      }
    }
  });
});

async function dumpDatabase(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ table_name: string }>(
      "select table_name from information_schema.tables where table_schema = 'public'",
    );
    const rows: string[] = [];
    for (const { table_name } of tables.rows) {
      const result = await client.query<{ row: string }>(
        `select row_to_json(t)::text as row from "${table_name}" t`,
      );
      rows.push(...result.rows.map((r) => r.row));
    }
    return rows.join('\n');
  } finally {
    await client.end();
  }
}

async function dumpRedis(url: string | undefined): Promise<string> {
  if (!url) return '';
  const client = createRedisClient({ url });
  await client.connect();
  try {
    const values: string[] = [];
    for await (const keys of client.scanIterator({ MATCH: 'integration-api:*', COUNT: 500 })) {
      for (const key of keys) values.push(`${key} ${(await client.get(key)) ?? ''}`);
    }
    return values.join('\n');
  } finally {
    await client.quit();
  }
}

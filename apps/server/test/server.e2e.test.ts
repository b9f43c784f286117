import http from 'node:http';
import { MockProviderServer, json } from '@integration-api/adapters-llm/testing';
import { Status } from 'nice-grpc';
import { api, startHarness, type Harness } from './harness.js';

const OPENAI_KEY = 'sk-e2e-test-key-000000000000x7Qa';

describe('integration-api server on one port', () => {
  let harness: Harness;
  let openai: MockProviderServer;

  beforeAll(async () => {
    openai = await MockProviderServer.start();
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.stop();
    await openai?.close();
  });
  beforeEach(() => {
    openai.reset();
    openai.route('GET', '/v1/models', (req, res, ctx) => {
      const good = req.headers.authorization === `Bearer ${OPENAI_KEY}`;
      return json(
        good ? 200 : 401,
        good ? { object: 'list', data: [] } : { error: { message: 'Incorrect API key provided' } },
      )(req, res, ctx);
    });
  });

  it('answers liveness and readiness without a token', async () => {
    expect((await api(harness, undefined, 'GET', '/healthz/')).status).toBe(200);
    const readiness = await api(harness, undefined, 'GET', '/readiness/');
    expect(readiness.status).toBe(200);
    expect(readiness.json.dependencies.map((d: { name: string }) => d.name).sort()).toEqual([
      'cache',
      'database',
    ]);
  });

  it('refuses every other route without a valid token, on REST and gRPC', async () => {
    expect((await api(harness, undefined, 'GET', '/v1/credentials')).status).toBe(401);
    expect((await api(harness, 'not-a-jwt', 'GET', '/v1/providers')).status).toBe(401);
    const { client } = harness.grpc('not-a-jwt');
    await expect(client.listCredentials({})).rejects.toMatchObject({ code: Status.UNAUTHENTICATED });
  });

  it('verifies and stores a credential over REST, then lists it over gRPC on the same port', async () => {
    const token = await harness.token();
    const created = await api(harness, token, 'POST', '/v1/credentials', {
      provider: 'openai',
      name: 'e2e-openai',
      secret: OPENAI_KEY,
      config: { baseUrl: openai.urlFor('/v1') },
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ name: 'e2e-openai', status: 'active', hint: '…x7Qa' });
    expect(created.text).not.toContain(OPENAI_KEY);
    expect(openai.requests).toHaveLength(1);
    expect(openai.requests[0]).toMatchObject({
      path: '/v1/models',
      headers: { authorization: `Bearer ${OPENAI_KEY}` },
    });

    const { client } = harness.grpc(token);
    const listed = await client.listCredentials({});
    expect(listed.credentials.map((c) => c.id)).toContain(created.json.id);
    const fetched = await client.getCredential({ id: created.json.id });
    expect(fetched).toMatchObject({ name: 'e2e-openai', hint: '…x7Qa' });
  });

  it('answers 422 with the provider reason and saves nothing when verification fails', async () => {
    const token = await harness.token();
    const refused = await api(harness, token, 'POST', '/v1/credentials', {
      provider: 'openai',
      name: 'refused',
      secret: 'sk-wrong-key-0000000000000000',
      config: { baseUrl: openai.urlFor('/v1') },
    });
    expect(refused.status).toBe(422);
    expect(refused.json.error).toMatchObject({ code: 'verification_failed' });
    expect(refused.json.error.message).toContain('Incorrect API key provided');
    const list = await api(harness, token, 'GET', '/v1/credentials');
    expect(list.json.data.map((c: { name: string }) => c.name)).not.toContain('refused');
  });

  it('keeps tenants apart on REST and gRPC', async () => {
    const owner = await harness.token({ org: 'org-owner' });
    const other = await harness.token({ org: 'org-other' });
    const created = await api(harness, owner, 'POST', '/v1/credentials', {
      provider: 'openai',
      name: 'private',
      secret: OPENAI_KEY,
      verify: false,
    });
    expect(created.status).toBe(201);
    const id = created.json.id as string;

    expect((await api(harness, other, 'GET', `/v1/credentials/${id}`)).status).toBe(404);
    expect((await api(harness, other, 'PATCH', `/v1/credentials/${id}`, { name: 'stolen' })).status).toBe(
      404,
    );
    expect((await api(harness, other, 'DELETE', `/v1/credentials/${id}`)).status).toBe(404);
    expect((await api(harness, other, 'GET', '/v1/credentials')).json.data).toEqual([]);

    const { client } = harness.grpc(other);
    await expect(client.getCredential({ id })).rejects.toMatchObject({ code: Status.NOT_FOUND });
    expect((await client.listCredentials({})).credentials).toEqual([]);
    expect((await api(harness, owner, 'GET', `/v1/credentials/${id}`)).status).toBe(200);
  });

  it('refuses a private upstream unless the operator allowed it', async () => {
    const strict = await startHarness({
      env: { INTEGRATION_ALLOW_PRIVATE_UPSTREAMS: 'false' },
      redis: false,
    });
    try {
      const token = await strict.token();
      const refused = await api(strict, token, 'POST', '/v1/credentials', {
        provider: 'openai',
        name: 'internal',
        secret: OPENAI_KEY,
        config: { baseUrl: openai.urlFor('/v1') },
      });
      expect(refused.status).toBe(400);
      expect(refused.json.error.details.field).toBe('config.baseUrl');
      expect(openai.requests).toHaveLength(0);
    } finally {
      await strict.stop();
    }
  });

  it('updates with optimistic concurrency through If-Match', async () => {
    const token = await harness.token();
    const created = await api(harness, token, 'POST', '/v1/credentials', {
      provider: 'openai',
      name: 'versioned',
      secret: OPENAI_KEY,
      verify: false,
    });
    const id = created.json.id as string;
    const first = await api(
      harness,
      token,
      'PATCH',
      `/v1/credentials/${id}`,
      { name: 'renamed' },
      { 'if-match': '"1"' },
    );
    expect(first.status).toBe(200);
    const stale = await api(
      harness,
      token,
      'PATCH',
      `/v1/credentials/${id}`,
      { name: 'again' },
      { 'if-match': '"1"' },
    );
    expect(stale.status).toBe(412);
    expect(stale.json.error.code).toBe('version_mismatch');
  });

  it('refuses to start with a crypto key that does not match the stored data', async () => {
    // Reuse the running server's key id with another key: the check value sealed at first start
    // does not open, so start-up fails before serving anything.
    const firstKeyId = harness.logLines
      .map((line) => JSON.parse(line) as { msg?: string; activeKeyId?: string })
      .find((entry) => entry.msg === 'encryption keys checked')?.activeKeyId;
    expect(firstKeyId).toBeDefined();
    await expect(
      startHarness({
        databaseUrl: harness.databaseUrl,
        redis: false,
        env: {
          INTEGRATION_CRYPTO_KEY: Buffer.alloc(32, 9).toString('base64'),
          INTEGRATION_CRYPTO_KEY_ID: firstKeyId!,
        },
      }),
    ).rejects.toThrow(`the key for key id ${firstKeyId} does not match the one that sealed existing data`);
  });
});

describe('integration-api server without Redis', () => {
  it('keeps serving from PostgreSQL when Redis is unreachable and reports the cache down', async () => {
    const harness = await startHarness({ env: { REDIS_URL: 'redis://127.0.0.1:1' } });
    try {
      const readiness = await api(harness, undefined, 'GET', '/readiness/');
      expect(readiness.status).toBe(503);
      expect(readiness.json.dependencies).toEqual(
        expect.arrayContaining([expect.objectContaining({ name: 'cache', ok: false })]),
      );
      const token = await harness.token();
      const created = await api(harness, token, 'POST', '/v1/credentials', {
        provider: 'openai',
        name: 'no-redis',
        secret: 'sk-no-redis-key-0000000000000',
        verify: false,
      });
      expect(created.status).toBe(201);
      expect((await api(harness, token, 'GET', `/v1/credentials/${created.json.id}`)).status).toBe(200);
      expect((await api(harness, token, 'DELETE', `/v1/credentials/${created.json.id}`)).status).toBe(204);
    } finally {
      await harness.stop();
    }
  });
});

describe('integration-api shutdown', () => {
  it('does not wait for idle keep-alive connections', async () => {
    const harness = await startHarness({ redis: false });
    const agent = new http.Agent({ keepAlive: true });
    const status = await new Promise<number>((resolve, reject) => {
      http
        .get(`${harness.baseUrl}/healthz/`, { agent }, (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        })
        .on('error', reject);
    });
    expect(status).toBe(200);
    // The idle socket stays in the agent's pool; stop() must still complete (jest's timeout bounds it).
    await harness.stop();
    await expect(fetch(`${harness.baseUrl}/healthz/`)).rejects.toThrow();
    agent.destroy();
  });
});

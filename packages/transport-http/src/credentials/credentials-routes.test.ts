import type { FastifyInstance, InjectOptions } from 'fastify';
import { bearer, testApp, TOKENS, type TestApp } from '../testing/test-app.js';

const GOOD_KEY = 'good-key-0123456789-abcd';

let t: TestApp;
let app: FastifyInstance;

beforeEach(async () => {
  t = await testApp();
  app = t.app;
});

afterEach(async () => {
  await app.close();
});

function as(token: string, options: InjectOptions): Promise<Awaited<ReturnType<FastifyInstance['inject']>>> {
  return app.inject({ ...options, headers: { ...bearer(token), ...options.headers } });
}

async function create(body: Record<string, unknown> = {}, token: string = TOKENS.admin) {
  return as(token, {
    method: 'POST',
    url: '/v1/credentials',
    payload: { provider: 'openai', name: 'main', secret: GOOD_KEY, ...body },
  });
}

async function createdId(body: Record<string, unknown> = {}): Promise<string> {
  const res = await create(body);
  expect(res.statusCode).toBe(201);
  return res.json<{ id: string }>().id;
}

describe('POST /v1/credentials', () => {
  it('stores a verified credential and answers 201 with Location, ETag and the masked hint', async () => {
    const res = await create({ config: { baseUrl: 'https://api.example.com/v1' } });

    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      provider: 'openai',
      name: 'main',
      hint: '…abcd',
      config: { baseUrl: 'https://api.example.com/v1' },
      status: 'active',
      lastVerifiedAt: '2026-01-01T00:00:00.000Z',
      lastVerificationError: null,
      version: 1,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    });
    expect(res.headers.location).toBe(`/v1/credentials/${body.id}`);
    expect(res.headers.etag).toBe('"1"');
  });

  it('never returns the secret, the sealed secret or tenant ids', async () => {
    const res = await create();

    expect(res.body).not.toContain(GOOD_KEY);
    expect(res.body).not.toContain('test.'); // the test cipher's sealed form
    expect(Object.keys(res.json())).not.toEqual(
      expect.arrayContaining(['secret', 'sealedSecret', 'keyId', 'organizationId', 'projectId']),
    );
    for (const key of ['secret', 'sealedSecret', 'keyId', 'organizationId', 'projectId']) {
      expect(res.json()).not.toHaveProperty(key);
    }
  });

  it('accepts the secret as an object of the provider fields', async () => {
    const res = await create({ secret: { apiKey: GOOD_KEY } });
    expect(res.statusCode).toBe(201);
    expect(res.json().hint).toBe('…abcd');
  });

  it('stores without calling the provider when verify is false', async () => {
    const res = await create({ secret: 'bad-key-0123456789', verify: false });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: 'unverified', lastVerifiedAt: null });
  });

  it('answers 422 when the provider refuses the key, and saves nothing', async () => {
    const res = await create({ secret: 'bad-key-0123456789' });

    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({
      code: 'verification_failed',
      details: { reason: 'invalid_credential' },
    });
    expect(res.body).not.toContain('bad-key-0123456789');
    const list = await as(TOKENS.admin, { method: 'GET', url: '/v1/credentials' });
    expect(list.json().data).toEqual([]);
  });

  it('answers 422 verification_unsupported when verify is asked of a provider that cannot', async () => {
    const res = await create({ provider: 'mistral', verify: true });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('verification_unsupported');
  });

  it('answers 503 when the provider is unreachable, and saves nothing', async () => {
    const res = await create({ secret: 'down-key-0123456789' });

    expect(res.statusCode).toBe(503);
    expect(res.json().error.code).toBe('provider_unavailable');
    expect(res.body).not.toContain('down-key-0123456789');
    const list = await as(TOKENS.admin, { method: 'GET', url: '/v1/credentials' });
    expect(list.json().data).toEqual([]);
  });

  it('answers 429 with Retry-After when the provider limits the rate of verifications, and saves nothing', async () => {
    const res = await create({ secret: 'limited-key-0123456789' });

    expect(res.statusCode).toBe(429);
    expect(res.headers['retry-after']).toBe('7');
    expect(res.json().error.code).toBe('provider_rate_limited');
    expect(res.body).not.toContain('limited-key-0123456789');
    const list = await as(TOKENS.admin, { method: 'GET', url: '/v1/credentials' });
    expect(list.json().data).toEqual([]);
  });

  it('answers 409 naming the field when the name is taken in the project', async () => {
    await createdId();
    const res = await create();

    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'conflict', details: { field: 'name' } });
  });

  it('lets another tenant use the same name', async () => {
    await createdId();
    const res = await create({}, TOKENS.otherTenant);
    expect(res.statusCode).toBe(201);
  });

  it('answers 403 to a token without credentials:write', async () => {
    const res = await create({}, TOKENS.reader);

    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({
      code: 'permission_denied',
      details: { scope: 'credentials:write' },
    });
  });

  it.each([
    ['a missing name', { name: undefined }, 'name'],
    ['a name of the wrong type', { name: 42 }, 'name'],
    ['a name with characters outside the pattern', { name: 'has space' }, 'name'],
    ['an unknown provider', { provider: 'no-such-provider' }, 'provider'],
    ['a secret that is neither a string nor an object', { secret: 12345 }, 'secret'],
    ['a secret that is an array', { secret: ['a'] }, 'secret'],
    ['a secret field that is not a string', { secret: { apiKey: 7 } }, 'secret.apiKey'],
    ['an unknown secret field', { secret: { apiKey: GOOD_KEY, other: 'x' } }, 'secret.other'],
    ['an unknown config field', { config: { region: 'eu' } }, 'config.region'],
    ['a baseUrl that is not a URL', { config: { baseUrl: 'not a url' } }, 'config.baseUrl'],
    ['a baseUrl on a refused host', { config: { baseUrl: 'https://private.test/' } }, 'config.baseUrl'],
    ['an unknown top-level field', { owner: 'someone' }, 'owner'],
    ['verify that is not a boolean', { verify: 'yes' }, 'verify'],
  ])('answers 400 naming the field for %s', async (_case, body, field) => {
    const res = await create(body);

    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'invalid_argument', details: { field } });
    expect(res.json().error.message).toContain(field);
  });

  it('does not echo the secret in a validation error', async () => {
    const res = await create({ secret: { apiKey: ` ${GOOD_KEY}` } });

    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.field).toBe('secret.apiKey');
    expect(res.body).not.toContain(GOOD_KEY);
  });
});

describe('GET /v1/credentials', () => {
  it('pages with limit and nextCursor until the last page', async () => {
    for (const name of ['a', 'b', 'c']) await createdId({ name });

    const first = await as(TOKENS.admin, { method: 'GET', url: '/v1/credentials?limit=2' });
    expect(first.statusCode).toBe(200);
    expect(first.json().data.map((c: { name: string }) => c.name)).toEqual(['a', 'b']);
    const cursor = first.json().nextCursor;
    expect(typeof cursor).toBe('string');

    const second = await as(TOKENS.admin, {
      method: 'GET',
      url: '/v1/credentials',
      query: { limit: '2', cursor },
    });
    expect(second.json().data.map((c: { name: string }) => c.name)).toEqual(['c']);
    expect(second.json()).not.toHaveProperty('nextCursor');
  });

  it('filters by provider', async () => {
    await createdId({ name: 'one', provider: 'openai' });
    await createdId({ name: 'two', provider: 'mistral' });

    const res = await as(TOKENS.admin, { method: 'GET', url: '/v1/credentials?provider=mistral' });
    expect(res.json().data.map((c: { name: string }) => c.name)).toEqual(['two']);
  });

  it('is allowed to a read-only token', async () => {
    await createdId();
    const res = await as(TOKENS.reader, { method: 'GET', url: '/v1/credentials' });
    expect(res.statusCode).toBe(200);
    expect(res.json().data).toHaveLength(1);
  });

  it("does not show another tenant's credentials", async () => {
    await createdId();
    const res = await as(TOKENS.otherTenant, { method: 'GET', url: '/v1/credentials' });
    expect(res.json()).toEqual({ data: [] });
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=101', 'limit'],
    ['limit=abc', 'limit'],
    ['provider=nope', 'provider'],
    ['cursor=not-a-cursor', 'cursor'],
  ])('answers 400 naming the field for %s', async (query, field) => {
    const res = await as(TOKENS.admin, { method: 'GET', url: `/v1/credentials?${query}` });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'invalid_argument', details: { field } });
  });
});

describe('GET /v1/credentials/:id', () => {
  it('returns the credential with its ETag', async () => {
    const id = await createdId();
    const res = await as(TOKENS.reader, { method: 'GET', url: `/v1/credentials/${id}` });

    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBe('"1"');
    expect(res.json()).toMatchObject({ id, name: 'main', hint: '…abcd' });
  });

  it('answers 404 for a well-formed id that does not exist', async () => {
    const res = await as(TOKENS.admin, {
      method: 'GET',
      url: '/v1/credentials/00000000-0000-7000-8000-00000000abcd',
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });

  it('answers 400 naming id for a malformed id', async () => {
    const res = await as(TOKENS.admin, { method: 'GET', url: '/v1/credentials/not-a-uuid' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'invalid_argument', details: { field: 'id' } });
  });

  it('answers 403 to a token without credentials:read', async () => {
    const id = await createdId();
    const res = await as(TOKENS.inference, { method: 'GET', url: `/v1/credentials/${id}` });
    expect(res.statusCode).toBe(403);
  });
});

describe('PATCH /v1/credentials/:id', () => {
  it('renames and answers the new version and ETag', async () => {
    const id = await createdId();
    const res = await as(TOKENS.admin, {
      method: 'PATCH',
      url: `/v1/credentials/${id}`,
      headers: { 'if-match': '"1"' },
      payload: { name: 'renamed' },
    });

    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: 'renamed', version: 2 });
    expect(res.headers.etag).toBe('"2"');
  });

  it('replaces the secret, verifying it, and updates the hint', async () => {
    const id = await createdId();
    const res = await as(TOKENS.admin, {
      method: 'PATCH',
      url: `/v1/credentials/${id}`,
      payload: { secret: 'good-new-key-000000-wxyz', version: 1 },
    });

    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ hint: '…wxyz', status: 'active' });
    expect(res.body).not.toContain('good-new-key');
  });

  it('answers 422 and keeps the old secret when the new one is refused', async () => {
    const id = await createdId();
    const res = await as(TOKENS.admin, {
      method: 'PATCH',
      url: `/v1/credentials/${id}`,
      payload: { secret: 'bad-new-key-0000000' },
    });
    expect(res.statusCode).toBe(422);

    const after = await as(TOKENS.admin, { method: 'GET', url: `/v1/credentials/${id}` });
    expect(after.json()).toMatchObject({ hint: '…abcd', version: 1 });
  });

  it('answers 412 version_mismatch for a stale If-Match', async () => {
    const id = await createdId();
    await as(TOKENS.admin, { method: 'PATCH', url: `/v1/credentials/${id}`, payload: { name: 'v2' } });

    const res = await as(TOKENS.admin, {
      method: 'PATCH',
      url: `/v1/credentials/${id}`,
      headers: { 'if-match': '"1"' },
      payload: { name: 'lost-update' },
    });

    expect(res.statusCode).toBe(412);
    expect(res.json().error).toMatchObject({
      code: 'version_mismatch',
      details: { expectedVersion: 1, currentVersion: 2 },
    });
  });

  it('answers 412 for a stale version in the body', async () => {
    const id = await createdId();
    await as(TOKENS.admin, { method: 'PATCH', url: `/v1/credentials/${id}`, payload: { name: 'v2' } });

    const res = await as(TOKENS.admin, {
      method: 'PATCH',
      url: `/v1/credentials/${id}`,
      payload: { name: 'lost-update', version: 1 },
    });
    expect(res.statusCode).toBe(412);
  });

  it.each(['3', 'W/"1"', '"1", "2"', '"abc"'])(
    'answers 400 for the malformed If-Match %s',
    async (ifMatch) => {
      const id = await createdId();
      const res = await as(TOKENS.admin, {
        method: 'PATCH',
        url: `/v1/credentials/${id}`,
        headers: { 'if-match': ifMatch },
        payload: { name: 'x' },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'invalid_argument', details: { field: 'If-Match' } });
    },
  );

  it('answers 400 when If-Match and version disagree', async () => {
    const id = await createdId();
    const res = await as(TOKENS.admin, {
      method: 'PATCH',
      url: `/v1/credentials/${id}`,
      headers: { 'if-match': '"1"' },
      payload: { name: 'x', version: 2 },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.field).toBe('version');
  });

  it('answers 409 when renaming onto a taken name', async () => {
    await createdId({ name: 'taken' });
    const id = await createdId({ name: 'mine' });
    const res = await as(TOKENS.admin, {
      method: 'PATCH',
      url: `/v1/credentials/${id}`,
      payload: { name: 'taken' },
    });
    expect(res.statusCode).toBe(409);
  });

  it('refuses unknown fields, such as a provider change', async () => {
    const id = await createdId();
    const res = await as(TOKENS.admin, {
      method: 'PATCH',
      url: `/v1/credentials/${id}`,
      payload: { provider: 'mistral' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.field).toBe('provider');
  });
});

describe('DELETE /v1/credentials/:id', () => {
  it('answers 204 and the credential is gone', async () => {
    const id = await createdId();
    const res = await as(TOKENS.admin, { method: 'DELETE', url: `/v1/credentials/${id}` });

    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    const after = await as(TOKENS.admin, { method: 'GET', url: `/v1/credentials/${id}` });
    expect(after.statusCode).toBe(404);
  });

  it('honours If-Match: 412 when stale, 204 when current', async () => {
    const id = await createdId();
    await as(TOKENS.admin, { method: 'PATCH', url: `/v1/credentials/${id}`, payload: { name: 'v2' } });

    const stale = await as(TOKENS.admin, {
      method: 'DELETE',
      url: `/v1/credentials/${id}`,
      headers: { 'if-match': '"1"' },
    });
    expect(stale.statusCode).toBe(412);

    const current = await as(TOKENS.admin, {
      method: 'DELETE',
      url: `/v1/credentials/${id}`,
      headers: { 'if-match': '"2"' },
    });
    expect(current.statusCode).toBe(204);
  });

  it('answers 404 when deleting twice', async () => {
    const id = await createdId();
    await as(TOKENS.admin, { method: 'DELETE', url: `/v1/credentials/${id}` });
    const res = await as(TOKENS.admin, { method: 'DELETE', url: `/v1/credentials/${id}` });
    expect(res.statusCode).toBe(404);
  });

  it('answers 403 to a read-only token', async () => {
    const id = await createdId();
    const res = await as(TOKENS.reader, { method: 'DELETE', url: `/v1/credentials/${id}` });
    expect(res.statusCode).toBe(403);
  });
});

describe('POST /v1/credentials/:id/verify', () => {
  it('records a successful check and answers the updated view', async () => {
    const id = await createdId({ verify: false });
    t.clock.current = new Date('2026-02-01T00:00:00Z');

    const res = await as(TOKENS.admin, { method: 'POST', url: `/v1/credentials/${id}/verify` });

    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'active',
      lastVerifiedAt: '2026-02-01T00:00:00.000Z',
      version: 2,
    });
    expect(res.headers.etag).toBe('"2"');
  });

  it('records a refusal as status invalid, not as an error', async () => {
    const id = await createdId({ secret: 'bad-key-0123456789', verify: false });
    const res = await as(TOKENS.admin, { method: 'POST', url: `/v1/credentials/${id}/verify` });

    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'invalid',
      lastVerificationError: 'Incorrect API key provided',
    });
  });

  it('answers 503 and changes nothing when the provider is unreachable', async () => {
    const id = await createdId({ secret: 'down-key-0123456789', verify: false });
    const res = await as(TOKENS.admin, { method: 'POST', url: `/v1/credentials/${id}/verify` });

    expect(res.statusCode).toBe(503);
    const after = await as(TOKENS.admin, { method: 'GET', url: `/v1/credentials/${id}` });
    expect(after.json()).toMatchObject({ status: 'unverified', version: 1 });
  });

  it('answers 422 for a provider that cannot verify', async () => {
    const id = await createdId({ provider: 'mistral' });
    const res = await as(TOKENS.admin, { method: 'POST', url: `/v1/credentials/${id}/verify` });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('verification_unsupported');
  });
});

describe("another tenant's credential", () => {
  it.each([
    ['GET', ''],
    ['PATCH', ''],
    ['DELETE', ''],
    ['POST', '/verify'],
  ] as const)('reads as not found to %s%s, and is left untouched', async (method, suffix) => {
    const id = await createdId();
    const res = await as(TOKENS.otherTenant, {
      method,
      url: `/v1/credentials/${id}${suffix}`,
      ...(method === 'PATCH' ? { payload: { name: 'hijacked' } } : {}),
    });

    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
    const mine = await as(TOKENS.admin, { method: 'GET', url: `/v1/credentials/${id}` });
    expect(mine.json()).toMatchObject({ name: 'main', version: 1 });
  });
});

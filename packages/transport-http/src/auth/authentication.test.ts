import { bearer, testApp, TOKENS } from '../testing/test-app.js';

describe('authentication', () => {
  it.each([
    ['no Authorization header', {}],
    ['an unknown token', bearer('not-a-token')],
    ['another scheme', { authorization: 'Basic YWRtaW46YWRtaW4=' }],
  ])('answers 401 with WWW-Authenticate: Bearer for %s', async (_case, headers) => {
    const { app } = await testApp();

    for (const [method, url] of [
      ['GET', '/v1/credentials'],
      ['GET', '/v1/providers'],
      ['DELETE', '/v1/credentials/00000000-0000-7000-8000-000000000001'],
    ] as const) {
      const res = await app.inject({ method, url, headers });
      expect(res.statusCode).toBe(401);
      expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
      expect(res.json()).toEqual({
        error: { code: 'unauthenticated', message: expect.any(String), details: {} },
      });
    }
    await app.close();
  });

  it('refuses before reading the body, so an invalid body still gets 401', async () => {
    const { app } = await testApp();
    const res = await app.inject({
      method: 'POST',
      url: '/v1/credentials',
      headers: { 'content-type': 'application/json' },
      payload: '{not json',
    });
    expect(res.statusCode).toBe(401);
    await app.close();
  });

  it('lets a valid token through', async () => {
    const { app } = await testApp();
    const res = await app.inject({ method: 'GET', url: '/v1/credentials', headers: bearer(TOKENS.reader) });
    expect(res.statusCode).toBe(200);
    await app.close();
  });

  it('needs no token for health and docs', async () => {
    const { app } = await testApp();
    for (const url of ['/healthz', '/readiness', '/docs/json', '/docs']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
    }
    await app.close();
  });
});

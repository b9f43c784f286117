import type { CredentialService } from '@integration-api/core';
import { bearer, recordingLogger, testApp, TOKENS, type LogLine } from '../testing/test-app.js';

const ERROR_SHAPE = {
  error: { code: expect.any(String), message: expect.any(String), details: expect.any(Object) },
};

describe('error handling', () => {
  it('answers 500 internal with a generic message and logs the error', async () => {
    const lines: LogLine[] = [];
    const failure = new Error('connection to postgres://admin:hunter2@db failed');
    const credentials = {
      get: async () => {
        throw failure;
      },
    } as unknown as CredentialService;
    const { app } = await testApp({ credentials, logger: recordingLogger(lines) });

    const res = await app.inject({
      method: 'GET',
      url: '/v1/credentials/00000000-0000-7000-8000-000000000001',
      headers: bearer(TOKENS.admin),
    });

    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({
      error: { code: 'internal', message: expect.any(String), details: {} },
    });
    expect(res.body).not.toContain('hunter2');
    expect(res.body).not.toContain('postgres');
    const logged = lines.find((line) => line.level === 'error');
    expect(logged?.args[0]).toEqual({ err: failure });
    await app.close();
  });

  it('answers 413 payload_too_large for a body over the limit', async () => {
    const { app } = await testApp();
    const res = await app.inject({
      method: 'POST',
      url: '/v1/credentials',
      headers: bearer(TOKENS.admin),
      payload: { provider: 'openai', name: 'big', secret: 'x'.repeat(70 * 1024) },
    });

    expect(res.statusCode).toBe(413);
    expect(res.json()).toEqual({
      error: { code: 'payload_too_large', message: expect.any(String), details: { limitBytes: 65536 } },
    });
    await app.close();
  });

  it('takes the body limit from the deps', async () => {
    const { app } = await testApp({ bodyLimitBytes: 100 });
    const res = await app.inject({
      method: 'POST',
      url: '/v1/credentials',
      headers: bearer(TOKENS.admin),
      payload: { provider: 'openai', name: 'small', secret: 'good-'.repeat(30) },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.details).toEqual({ limitBytes: 100 });
    await app.close();
  });

  it('answers 400 for malformed JSON without echoing the body', async () => {
    const { app } = await testApp();
    const res = await app.inject({
      method: 'POST',
      url: '/v1/credentials',
      headers: { ...bearer(TOKENS.admin), 'content-type': 'application/json' },
      payload: '{"provider":"openai","secret":"sk-live-SECRET',
    });

    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_argument');
    expect(res.body).not.toContain('SECRET');
    await app.close();
  });

  it('answers 400 for an empty JSON body', async () => {
    const { app } = await testApp();
    const res = await app.inject({
      method: 'POST',
      url: '/v1/credentials',
      headers: { ...bearer(TOKENS.admin), 'content-type': 'application/json' },
      payload: '',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual(ERROR_SHAPE);
    await app.close();
  });

  it('answers 415 for a content type it does not parse', async () => {
    const { app } = await testApp();
    const res = await app.inject({
      method: 'POST',
      url: '/v1/credentials',
      headers: { ...bearer(TOKENS.admin), 'content-type': 'application/xml' },
      payload: '<credential/>',
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('unsupported_media_type');
    await app.close();
  });

  it('answers 404 not_found in the same shape for an unknown route, without echoing it', async () => {
    const { app } = await testApp();
    const res = await app.inject({ method: 'GET', url: '/v2/sk-live-SECRET?key=abc' });

    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'not_found', message: expect.any(String), details: {} } });
    expect(res.body).not.toContain('SECRET');
    await app.close();
  });

  it('answers 404 in the same shape for a known path with another method', async () => {
    const { app } = await testApp();
    const res = await app.inject({ method: 'PUT', url: '/v1/credentials', headers: bearer(TOKENS.admin) });

    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual(ERROR_SHAPE);
    await app.close();
  });
});

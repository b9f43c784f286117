import { ProviderError, ProviderUnavailableError, type VerifyOutcome } from '@integration-api/core';
import { MockProviderServer, hang, json, text } from '../testing/index.js';
import { UpstreamClients } from './upstream-clients.js';
import { classifyHttpFailure, type HttpFailureInput, type UpstreamFailure } from './upstream-failure.js';
import { verifyByCall, verifyByRequest, type VerifyByRequestOptions } from './verify-by-request.js';

const API_KEY = 'sk-test-0123456789abcdefghij';

/** A provider quirk in the manner of Google's: a 400 that names the key refuses the credential. */
function classifyKeyIn400(input: HttpFailureInput): UpstreamFailure {
  const failure = classifyHttpFailure(input);
  return input.status === 400 && input.bodyText.includes('API_KEY_INVALID')
    ? { kind: 'invalid_credential', status: 400, message: failure.message }
    : failure;
}

let server: MockProviderServer;
let clients: UpstreamClients;

beforeEach(async () => {
  server = await MockProviderServer.start();
  clients = new UpstreamClients({ allowPrivate: true });
});
afterEach(async () => {
  await clients.close();
  await server.close();
});

describe('verifyByRequest', () => {
  const verify = (
    signal?: AbortSignal,
    more: Partial<Pick<VerifyByRequestOptions, 'classify' | 'outcomeOfAnswer' | 'secret'>> = {},
  ) =>
    verifyByRequest({
      provider: 'google-gemini',
      clients,
      secret: { apiKey: API_KEY },
      request: {
        method: 'GET',
        url: server.urlFor('/v1beta/models'),
        headersTimeoutMs: 200,
        bodyTimeoutMs: 200,
        signal,
      },
      ...more,
    });

  it('accepts a 2xx answer', async () => {
    server.route('GET', '/v1beta/models', json(200, { models: [] }));
    await expect(verify()).resolves.toEqual({ ok: true });
  });

  it('reads 401 as an invalid credential', async () => {
    server.route(
      'GET',
      '/v1beta/models',
      json(401, { error: { code: 401, message: 'nope', status: 'UNAUTHENTICATED' } }),
    );
    await expect(verify()).resolves.toEqual({ ok: false, reason: 'invalid_credential', message: 'nope' });
  });

  it('scrubs the secret from the message', async () => {
    server.route('GET', '/v1beta/models', json(403, { error: { message: `key ${API_KEY} may not` } }));
    await expect(verify()).resolves.toEqual({
      ok: false,
      reason: 'permission_denied',
      message: 'key [redacted] may not',
    });
  });

  it('scrubs every value of a secret given as a list', async () => {
    server.route('GET', '/v1beta/models', json(401, { error: { message: 'token ya29.derived refused' } }));
    await expect(verify(undefined, { secret: [API_KEY, 'ya29.derived'] })).resolves.toMatchObject({
      message: 'token [redacted] refused',
    });
  });

  it('decides nothing when a 400 is about something else than the key', async () => {
    server.route(
      'GET',
      '/v1beta/models',
      json(400, { error: { code: 400, message: 'bad page', status: 'INVALID_ARGUMENT' } }),
    );
    await expect(verify(undefined, { classify: classifyKeyIn400 })).rejects.toBeInstanceOf(
      ProviderUnavailableError,
    );
  });

  it('lets the provider’s classification read a 400 as a refused credential', async () => {
    server.route(
      'GET',
      '/v1beta/models',
      json(400, { error: { message: 'API key not valid', details: [{ reason: 'API_KEY_INVALID' }] } }),
    );
    await expect(verify(undefined, { classify: classifyKeyIn400 })).resolves.toEqual({
      ok: false,
      reason: 'invalid_credential',
      message: 'API key not valid',
    });
  });

  it('decides nothing on a rate limit, and says how long to wait', async () => {
    server.route(
      'GET',
      '/v1beta/models',
      json(
        429,
        { error: { code: 429, message: 'slow down', status: 'RESOURCE_EXHAUSTED' } },
        { 'retry-after': '12' },
      ),
    );
    const error = await verify().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code: 'provider_rate_limited', retryAfterSeconds: 12 });
  });

  it('decides nothing when the provider does not answer in time', async () => {
    server.route('GET', '/v1beta/models', hang());
    await expect(verify()).rejects.toThrow('google-gemini is unavailable: timed out waiting for a response');
  });

  it('throws the caller’s abort reason', async () => {
    server.route('GET', '/v1beta/models', hang());
    const controller = new AbortController();
    const pending = verify(controller.signal);
    const reason = new Error('client left');
    setImmediate(() => controller.abort(reason));
    await expect(pending).rejects.toBe(reason);
  });

  describe('when the 2xx answer carries the verdict', () => {
    const outcomeOfAnswer = (bodyText: string): VerifyOutcome => {
      if (bodyText === 'valid') return { ok: true };
      if (bodyText === 'invalid') return { ok: false, reason: 'invalid_credential', message: 'not valid' };
      throw new ProviderUnavailableError('google-gemini', 'the answer said nothing');
    };

    it('lets the answer decide', async () => {
      server.route('GET', '/v1beta/models', text(200, 'invalid'));
      await expect(verify(undefined, { outcomeOfAnswer })).resolves.toEqual({
        ok: false,
        reason: 'invalid_credential',
        message: 'not valid',
      });
    });

    it('throws what the answer’s reading throws', async () => {
      server.route('GET', '/v1beta/models', text(200, 'maybe'));
      await expect(verify(undefined, { outcomeOfAnswer })).rejects.toThrow('the answer said nothing');
    });

    it('still classifies a non-2xx answer', async () => {
      server.route('GET', '/v1beta/models', json(401, { error: { message: 'nope' } }));
      await expect(verify(undefined, { outcomeOfAnswer })).resolves.toMatchObject({
        ok: false,
        reason: 'invalid_credential',
      });
    });
  });
});

describe('verifyByCall', () => {
  const caller = () => ({ provider: 'voyageai' as const, clients, timeoutMs: 200 });
  const request = (signal?: AbortSignal) => ({
    secret: { apiKey: API_KEY },
    config: {},
    ...(signal ? { signal } : {}),
  });

  it('GETs the target accepting JSON when there is no body', async () => {
    server.route('GET', '/models', json(200, {}));
    await expect(
      verifyByCall(caller(), request(), { url: server.urlFor('/models'), headers: { 'x-key': 'k' } }),
    ).resolves.toEqual({ ok: true });
    expect(server.requests[0]).toMatchObject({
      method: 'GET',
      headers: { 'x-key': 'k', accept: 'application/json' },
    });
    expect(server.requests[0]!.headers['content-type']).toBeUndefined();
  });

  it('POSTs a body as JSON', async () => {
    server.route('POST', '/embeddings', json(200, {}));
    await verifyByCall(caller(), request(), {
      url: server.urlFor('/embeddings'),
      headers: {},
      body: { input: ['ping'] },
    });
    expect(server.requests[0]).toMatchObject({
      method: 'POST',
      json: { input: ['ping'] },
      headers: { 'content-type': 'application/json', accept: 'application/json' },
    });
  });

  it('POSTs without a body when asked to', async () => {
    server.route('POST', '/check', json(200, {}));
    await verifyByCall(caller(), request(), { method: 'POST', url: server.urlFor('/check'), headers: {} });
    expect(server.requests[0]).toMatchObject({ method: 'POST' });
  });

  it('scrubs the request’s secret from the message', async () => {
    server.route('GET', '/models', json(401, { detail: `bad key ${API_KEY}` }));
    await expect(
      verifyByCall(caller(), request(), { url: server.urlFor('/models'), headers: {} }),
    ).resolves.toEqual({ ok: false, reason: 'invalid_credential', message: 'bad key [redacted]' });
  });

  it('bounds the wait by the caller’s timeout', async () => {
    server.route('GET', '/models', hang());
    await expect(
      verifyByCall(caller(), request(), { url: server.urlFor('/models'), headers: {} }),
    ).rejects.toThrow('voyageai is unavailable: timed out waiting for a response');
  });

  it('passes the caller’s classification on', async () => {
    server.route('GET', '/models', json(400, { error: { message: 'API_KEY_INVALID' } }));
    await expect(
      verifyByCall({ ...caller(), classify: classifyKeyIn400 }, request(), {
        url: server.urlFor('/models'),
        headers: {},
      }),
    ).resolves.toMatchObject({ ok: false, reason: 'invalid_credential' });
  });
});

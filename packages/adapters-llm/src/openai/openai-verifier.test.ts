import { createServer } from 'node:net';
import { ProviderError, ProviderUnavailableError, type VerifyRequest } from '@integration-api/core';
import { UpstreamClients } from '../http/upstream-clients.js';
import { MockProviderServer, hang, headersThenHang, json, text } from '../testing/index.js';
import { createOpenAIVerifier } from './openai-verifier.js';

const API_KEY = 'sk-test-0123456789abcdefghijklmnop';
const openaiError = (message: string, type = 'invalid_request_error') => ({
  error: { message, type, param: null, code: null },
});

describe('OpenAI verification', () => {
  let server: MockProviderServer;
  let clients: UpstreamClients;
  let verify: (request: VerifyRequest) => Promise<unknown>;

  const request = (config: Record<string, string> = {}, signal?: AbortSignal): VerifyRequest => ({
    secret: { apiKey: API_KEY },
    config: { baseUrl: server.urlFor('/v1'), ...config },
    ...(signal ? { signal } : {}),
  });

  beforeEach(async () => {
    server = await MockProviderServer.start();
    clients = new UpstreamClients({ allowPrivate: true });
    verify = createOpenAIVerifier({ clients, timeoutMs: 200 });
  });

  afterEach(async () => {
    await clients.close();
    await server.close();
  });

  it('accepts a key that can list models, sending the key, organization and project', async () => {
    server.route(
      'GET',
      '/v1/models',
      json(200, { object: 'list', data: [{ id: 'gpt-4o', object: 'model' }] }),
    );

    await expect(verify(request({ organization: 'org-123', project: 'proj_456' }))).resolves.toEqual({
      ok: true,
    });

    expect(server.requests).toHaveLength(1);
    const [received] = server.requests;
    expect(received).toMatchObject({ method: 'GET', path: '/v1/models' });
    expect(received!.headers).toMatchObject({
      authorization: `Bearer ${API_KEY}`,
      'openai-organization': 'org-123',
      'openai-project': 'proj_456',
    });
  });

  it('sends no organization or project header when none is configured', async () => {
    server.route('GET', '/v1/models', json(200, { object: 'list', data: [] }));
    await verify(request());
    expect(server.requests[0]!.headers).not.toHaveProperty('openai-organization');
    expect(server.requests[0]!.headers).not.toHaveProperty('openai-project');
  });

  it('accepts a base URL with a trailing slash', async () => {
    server.route('GET', '/v1/models', json(200, { object: 'list', data: [] }));
    await expect(verify(request({ baseUrl: server.urlFor('/v1/') }))).resolves.toEqual({ ok: true });
    expect(server.requests[0]!.path).toBe('/v1/models');
  });

  it("reports a 401 as an invalid credential with the provider's message", async () => {
    server.route('GET', '/v1/models', json(401, openaiError('Invalid authentication credentials')));
    await expect(verify(request())).resolves.toEqual({
      ok: false,
      reason: 'invalid_credential',
      message: 'Invalid authentication credentials',
    });
  });

  it('reports a 403 as permission denied', async () => {
    server.route(
      'GET',
      '/v1/models',
      json(
        403,
        openaiError('You have insufficient permissions for this operation. Missing scopes: api.model.read.'),
      ),
    );
    await expect(verify(request())).resolves.toEqual({
      ok: false,
      reason: 'permission_denied',
      message: 'You have insufficient permissions for this operation. Missing scopes: api.model.read.',
    });
  });

  it('scrubs the key from a message that echoes it', async () => {
    const masked = `${API_KEY.slice(0, 8)}${'*'.repeat(20)}${API_KEY.slice(-4)}`;
    server.route(
      'GET',
      '/v1/models',
      json(401, openaiError(`Incorrect API key provided: ${masked}. Key ${API_KEY} is not valid.`)),
    );
    const outcome = (await verify(request())) as { message: string };
    expect(outcome.message).toBe('Incorrect API key provided: [redacted]. Key [redacted] is not valid.');
    expect(outcome.message).not.toContain(API_KEY);
  });

  it('throws the rate limit on 429, with the wait, instead of deciding', async () => {
    server.route(
      'GET',
      '/v1/models',
      json(429, openaiError('Rate limit reached for requests', 'requests'), { 'retry-after': '20' }),
    );
    const error = await verify(request()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({
      code: 'provider_rate_limited',
      kind: 'rate_limited',
      retryAfterSeconds: 20,
      message: 'openai: Rate limit reached for requests',
    });
  });

  it('throws ProviderUnavailableError on a server error', async () => {
    server.route('GET', '/v1/models', json(500, openaiError('The server had an error', 'server_error')));
    const error = await verify(request()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderUnavailableError);
    expect(error).toMatchObject({
      code: 'provider_unavailable',
      details: { provider: 'openai' },
      message: 'openai is unavailable: The server had an error',
    });
  });

  it('throws ProviderUnavailableError when the base URL answers an unexpected 404', async () => {
    server.route('GET', '/v1/models', text(404, 'Not Found'));
    const error = await verify(request()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderUnavailableError);
    expect((error as Error).message).toContain('refused with status 404');
  });

  it('times out into ProviderUnavailableError when the server never answers', async () => {
    server.route('GET', '/v1/models', hang());
    const error = await verify(request()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderUnavailableError);
    expect((error as Error).message).toBe('openai is unavailable: timed out waiting for a response');
  });

  it('times out into ProviderUnavailableError when an error body stalls', async () => {
    server.route('GET', '/v1/models', headersThenHang(401));
    const error = await verify(request()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderUnavailableError);
    expect((error as Error).message).toBe('openai is unavailable: timed out while reading the response');
  });

  it('throws ProviderUnavailableError when the connection is refused', async () => {
    const port = await closedPort();
    const error = await verify({
      secret: { apiKey: API_KEY },
      config: { baseUrl: `http://127.0.0.1:${port}/v1` },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderUnavailableError);
    expect((error as Error).message).toBe('openai is unavailable: connection refused');
  });

  it("throws the caller's abort reason when the caller gives up", async () => {
    server.route('GET', '/v1/models', hang());
    const patient = createOpenAIVerifier({ clients, timeoutMs: 60_000 });
    const controller = new AbortController();
    const pending = patient(request({}, controller.signal));
    const reason = new Error('client went away');
    setImmediate(() => controller.abort(reason));
    await expect(pending).rejects.toBe(reason);
  });

  it('shares one connection between verifications to the same origin', async () => {
    server.route('GET', '/v1/models', json(200, { object: 'list', data: [] }));
    await verify(request());
    await nextTurn();
    await verify(request());
    expect(server.requests).toHaveLength(2);
    expect(server.connectionCount).toBe(1);
    expect(server.requests[1]!.connectionId).toBe(server.requests[0]!.connectionId);
  });

  it('keeps the connection after a refusal, since the error body is read to its end', async () => {
    server.route('GET', '/v1/models', json(401, openaiError('Invalid authentication credentials')));
    await verify(request());
    await nextTurn();
    await verify(request());
    expect(server.connectionCount).toBe(1);
  });

  it('calls the public OpenAI API when no base URL is configured', async () => {
    // Only the URL matters here, so the request never leaves the process.
    const offlineClients = new UpstreamClients();
    const send = jest
      .spyOn(offlineClients, 'request')
      .mockRejectedValue(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }));
    const offline = createOpenAIVerifier({ clients: offlineClients, timeoutMs: 200 });
    await expect(offline({ secret: { apiKey: API_KEY }, config: {} })).rejects.toBeInstanceOf(
      ProviderUnavailableError,
    );
    expect(String(send.mock.calls[0]![0].url)).toBe('https://api.openai.com/v1/models');
  });
});

/** The pool takes a connection back an event loop turn after the response ends (see UpstreamClients' test). */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A port nothing listens on: bind an ephemeral one, then release it. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

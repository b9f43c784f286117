import { createServer } from 'node:net';
import { CancelledError, ProviderError } from '@integration-api/core';
import { MockProviderServer, hang, headersThenHang, json, text } from '../testing/index.js';
import {
  postJson,
  postJsonForStream,
  sendProviderRequest,
  type ProviderContext,
} from './send-provider-request.js';
import { UpstreamClients } from './upstream-clients.js';

const API_KEY = 'sk-test-0123456789abcdefghij';

describe('sendProviderRequest and postJson', () => {
  let server: MockProviderServer;
  let clients: UpstreamClients;
  let context: ProviderContext;

  beforeEach(async () => {
    server = await MockProviderServer.start();
    clients = new UpstreamClients({ allowPrivate: true, headersTimeoutMs: 300, bodyTimeoutMs: 300 });
    context = { provider: 'openai', clients, secret: { apiKey: API_KEY } };
  });

  afterEach(async () => {
    await clients.close();
    await server.close();
  });

  const post = (signal?: AbortSignal) =>
    postJson(context, {
      url: server.urlFor('/v1/x'),
      headers: { authorization: `Bearer ${API_KEY}` },
      body: { hello: 'world' },
      ...(signal ? { signal } : {}),
    });

  const failure = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (e: unknown) => e,
    );

  it('posts JSON and returns the parsed answer with its headers', async () => {
    server.route('POST', '/v1/x', json(200, { ok: true }, { 'x-request-id': 'req_1' }));
    const answer = await post();
    expect(answer.json).toEqual({ ok: true });
    expect(answer.headers['x-request-id']).toBe('req_1');
    expect(server.requests[0]).toMatchObject({
      json: { hello: 'world' },
      headers: { 'content-type': 'application/json', authorization: `Bearer ${API_KEY}` },
    });
  });

  it("throws the provider's refusal as invalid_request, without the key", async () => {
    server.route('POST', '/v1/x', json(400, { error: { message: `Bad key ${API_KEY} for model` } }));
    const error = await failure(post());
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({
      kind: 'invalid_request',
      message: 'openai: Bad key [redacted] for model',
      details: { status: 400 },
    });
  });

  it('throws rate_limited with the wait the provider asked for', async () => {
    server.route('POST', '/v1/x', json(429, { error: { message: 'Slow down' } }, { 'retry-after': '3' }));
    expect(await failure(post())).toMatchObject({ kind: 'rate_limited', retryAfterSeconds: 3 });
  });

  it('throws a timeout when no answer comes, or when an error body stalls', async () => {
    server.route('POST', '/v1/x', hang(), { times: 1 });
    expect(await failure(post())).toMatchObject({ kind: 'timeout' });
    server.route('POST', '/v1/x', headersThenHang(500));
    expect(await failure(post())).toMatchObject({ kind: 'timeout' });
  });

  it('throws an error when a 2xx body is not JSON', async () => {
    server.route('POST', '/v1/x', text(200, 'hello'));
    expect(await failure(post())).toMatchObject({
      kind: 'error',
      message: 'openai: the answer is not valid JSON',
    });
  });

  it('throws unavailable when nothing listens', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as { port: number };
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const error = await failure(
      sendProviderRequest(context, { method: 'GET', url: `http://127.0.0.1:${port}/` }),
    );
    expect(error).toMatchObject({ kind: 'unavailable', message: 'openai: connection refused' });
  });

  it('throws CancelledError when the caller aborts', async () => {
    server.route('POST', '/v1/x', hang());
    const controller = new AbortController();
    const pending = failure(post(controller.signal));
    setImmediate(() => controller.abort());
    expect(await pending).toBeInstanceOf(CancelledError);
  });

  describe('with a provider’s own error mapping, and for streamed answers', () => {
    it('hands a non-2xx answer to the context’s errorOf, with the secret’s values to scrub', async () => {
      server.route('POST', '/v1/x', text(498, 'invalid token'));
      const seen: unknown[] = [];
      const context: ProviderContext = {
        provider: 'cohere',
        clients,
        secret: { apiKey: API_KEY },
        errorOf: (input) => {
          seen.push({ status: input.status, bodyText: input.bodyText, secrets: [...input.secrets] });
          return new ProviderError('auth_failed', 'cohere', input.bodyText);
        },
      };
      const error = await postJson(context, { url: server.urlFor('/v1/x'), headers: {}, body: {} }).catch(
        (e: unknown) => e,
      );
      expect(error).toMatchObject({ kind: 'auth_failed', message: 'cohere: invalid token' });
      expect(seen).toEqual([{ status: 498, bodyText: 'invalid token', secrets: [API_KEY] }]);
    });

    it('scrubs every value of a secret given as a list', async () => {
      server.route('POST', '/v1/x', json(400, { error: { message: 'token ya29.derived is odd' } }));
      const context: ProviderContext = { provider: 'google-vertex', clients, secret: ['ya29.derived'] };
      await expect(
        postJson(context, { url: server.urlFor('/v1/x'), headers: {}, body: {} }),
      ).rejects.toMatchObject({ message: 'google-vertex: token [redacted] is odd' });
    });

    it('posts JSON asking for server-sent events and returns the open response', async () => {
      server.route('POST', '/v1/stream', text(200, 'data: {}\n\n', { 'content-type': 'text/event-stream' }));
      const response = await postJsonForStream(
        { provider: 'openai', clients, secret: {} },
        { url: server.urlFor('/v1/stream'), headers: { 'x-key': 'k' }, body: { stream: true } },
      );
      await expect(response.body.text()).resolves.toBe('data: {}\n\n');
      expect(server.requests[0]).toMatchObject({
        json: { stream: true },
        headers: { 'x-key': 'k', 'content-type': 'application/json', accept: 'text/event-stream' },
      });
    });
  });
});

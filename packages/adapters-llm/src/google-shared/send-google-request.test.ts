import { createServer } from 'node:net';
import { CancelledError, type ChatStreamEvent } from '@integration-api/core';
import { UpstreamClients } from '../http/upstream-clients.js';
import { MockProviderServer, hang, json, sse, text } from '../testing/index.js';
import {
  googleChat,
  googleStreamChat,
  postJsonToGoogle,
  type GoogleCallContext,
} from './send-google-request.js';

describe('Google request sending', () => {
  let server: MockProviderServer;
  let clients: UpstreamClients;
  const context = (signal?: AbortSignal): GoogleCallContext => ({
    provider: 'google-gemini',
    clients,
    secrets: ['AIzaSecretValue0123456789abcdefghij'],
    ...(signal ? { signal } : {}),
  });
  const target = () => ({
    url: server.urlFor('/v1beta/models/m:generateContent'),
    headers: { 'x-goog-api-key': 'k' },
  });
  const request = { model: 'm', messages: [{ role: 'user' as const, content: 'Hi' }] };

  beforeEach(async () => {
    server = await MockProviderServer.start();
    clients = new UpstreamClients({ allowPrivate: true, headersTimeoutMs: 300, bodyTimeoutMs: 300 });
  });
  afterEach(async () => {
    await clients.close();
    await server.close();
  });

  it('posts JSON and returns the parsed answer', async () => {
    server.route('POST', '/v1beta/models/m:generateContent', json(200, { ok: 1 }));
    await expect(postJsonToGoogle(context(), target(), { a: 1 })).resolves.toEqual({ ok: 1 });
    expect(server.requests[0]!.headers).toMatchObject({
      'content-type': 'application/json',
      accept: 'application/json',
      'x-goog-api-key': 'k',
    });
  });

  it('throws Google’s error for a non-2xx answer, scrubbed of the secrets', async () => {
    server.route(
      'POST',
      '/v1beta/models/m:generateContent',
      json(400, {
        error: {
          code: 400,
          message: 'bad key AIzaSecretValue0123456789abcdefghij',
          status: 'INVALID_ARGUMENT',
        },
      }),
    );
    await expect(googleChat(context(), target(), request)).rejects.toMatchObject({
      kind: 'invalid_request',
      message: 'google-gemini: bad key [redacted]',
    });
  });

  it('throws a body that is not JSON as the provider’s error', async () => {
    server.route('POST', '/v1beta/models/m:generateContent', text(200, 'not json'));
    await expect(googleChat(context(), target(), request)).rejects.toMatchObject({
      kind: 'error',
      message: 'google-gemini: the answer is not valid JSON',
    });
  });

  it('throws a stream chunk that is not JSON as the provider’s error', async () => {
    server.route('POST', '/v1beta/models/m:generateContent', sse(['{"candidates":'], { done: false }));
    const consume = async () => {
      for await (const _event of googleStreamChat(context(), target(), request)) void _event;
    };
    await expect(consume()).rejects.toMatchObject({
      message: 'google-gemini: a stream chunk is not valid JSON',
    });
  });

  it('times out a stream that goes silent', async () => {
    server.route(
      'POST',
      '/v1beta/models/m:generateContent',
      sse([{ candidates: [{ content: { parts: [{ text: 'Hel' }] } }] }], { done: false, hangAfter: 1 }),
    );
    const seen: ChatStreamEvent[] = [];
    const error = await (async () => {
      for await (const event of googleStreamChat(context(), target(), request)) seen.push(event);
    })().catch((e: unknown) => e);
    expect(seen).toEqual([{ type: 'text-delta', delta: 'Hel' }]);
    expect(error).toMatchObject({ kind: 'timeout' });
  });

  it('reports the caller’s abort as a cancellation', async () => {
    server.route('POST', '/v1beta/models/m:generateContent', hang());
    const controller = new AbortController();
    const pending = googleChat(context(controller.signal), target(), request);
    setImmediate(() => controller.abort());
    await expect(pending).rejects.toBeInstanceOf(CancelledError);
  });

  it('reports an unreachable endpoint as unavailable', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as { port: number };
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    await expect(
      googleChat(context(), { url: `http://127.0.0.1:${port}/x`, headers: {} }, request),
    ).rejects.toMatchObject({ kind: 'unavailable', message: 'google-gemini: connection refused' });
  });
});

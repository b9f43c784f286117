import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ChatStreamAccumulator,
  type ChatRequest,
  type ChatStreamEvent,
  type ProviderAdapter,
  type ProviderCall,
} from '@integration-api/core';
import { UpstreamClients } from '../http/upstream-clients.js';
import { MockProviderServer, json, namedEvent, sse, text } from '../testing/index.js';
import { createAnthropicAdapter } from './anthropic-adapter.js';

const API_KEY = 'sk-ant-api03-test0123456789abcdefghij';
const request: ChatRequest = {
  model: 'claude-sonnet-4-5',
  messages: [
    { role: 'system', content: 'Be terse.' },
    { role: 'user', content: 'Name a prime.' },
  ],
};

const fixtureText = (name: string) => readFileSync(join(__dirname, '__fixtures__', name), 'utf8');
const fixtureJson = (name: string): unknown => JSON.parse(fixtureText(name));
/** A recorded-style stream as Anthropic frames it: `event: <type>` + `data: <json>`, no [DONE]. */
const wireEvents = (name: string) =>
  fixtureText(name)
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const payload = JSON.parse(line) as { type: string };
      return namedEvent(payload.type, payload);
    });

async function collect(stream: AsyncIterable<ChatStreamEvent>, into: ChatStreamEvent[] = []) {
  for await (const event of stream) into.push(event);
  return into;
}

describe('Anthropic adapter', () => {
  let server: MockProviderServer;
  let clients: UpstreamClients;
  let adapter: ProviderAdapter;

  const call = (overrides: Partial<ProviderCall<ChatRequest>> = {}): ProviderCall<ChatRequest> => ({
    request,
    secret: { apiKey: API_KEY },
    config: { baseUrl: server.urlFor('/v1') },
    signal: new AbortController().signal,
    ...overrides,
  });

  beforeEach(async () => {
    server = await MockProviderServer.start();
    clients = new UpstreamClients({ allowPrivate: true });
    adapter = createAnthropicAdapter({ clients, timeoutMs: 500 });
  });

  afterEach(async () => {
    await clients.close();
    await server.close();
  });

  describe('chat', () => {
    it('posts the Messages API body with the key and version headers and parses the answer', async () => {
      server.route('POST', '/v1/messages', json(200, fixtureJson('anthropic-tool-use.json')));

      const result = await adapter.chat!(call());

      const [received] = server.requests;
      expect(received!.headers).toMatchObject({
        'x-api-key': API_KEY,
        'anthropic-version': '2023-06-01',
        'content-type': 'application/json',
      });
      expect(received!.headers).not.toHaveProperty('authorization');
      expect(received!.json).toEqual({
        model: 'claude-sonnet-4-5',
        system: 'Be terse.',
        messages: [{ role: 'user', content: [{ type: 'text', text: 'Name a prime.' }] }],
        max_tokens: 4096,
      });
      expect(result).toMatchObject({
        finishReason: 'tool_calls',
        message: { toolCalls: [{ name: 'lookup_order' }, { name: 'refresh_cache', arguments: '{}' }] },
        usage: { inputTokens: 612, outputTokens: 88 },
        providerRequestId: 'msg_01TestToolUse00000000000',
      });
    });

    it('reports an overloaded API as unavailable with the wait it asked for', async () => {
      server.route(
        'POST',
        '/v1/messages',
        json(529, fixtureJson('anthropic-overloaded-error.json'), { 'retry-after': '7' }),
      );
      await expect(adapter.chat!(call())).rejects.toMatchObject({
        code: 'provider_unavailable',
        details: { status: 529, retryAfterSeconds: 7 },
      });
    });

    it('reports a refused key without repeating it', async () => {
      server.route(
        'POST',
        '/v1/messages',
        json(401, {
          type: 'error',
          error: { type: 'authentication_error', message: `invalid x-api-key ${API_KEY}` },
        }),
      );
      const error = await adapter.chat!(call()).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'provider_auth_failed' });
      expect((error as Error).message).not.toContain(API_KEY);
    });

    it('refuses a call without an API key before calling', async () => {
      await expect(adapter.chat!(call({ secret: {} }))).rejects.toMatchObject({
        details: { field: 'secret.apiKey' },
      });
      expect(server.requests).toHaveLength(0);
    });
  });

  describe('streamChat', () => {
    it('streams over SSE split at any byte, with keep-alives, and ends with one finish', async () => {
      server.route(
        'POST',
        '/v1/messages',
        sse(wireEvents('anthropic-tool-calls.chunks.txt'), {
          done: false,
          chunkBytes: 7,
          keepAliveComments: true,
        }),
      );

      const events = await collect(adapter.streamChat!(call()));

      expect(server.requests[0]!.json).toMatchObject({ stream: true });
      expect(server.requests[0]!.headers).toMatchObject({ accept: 'text/event-stream' });
      expect(events.filter((e) => e.type === 'finish')).toHaveLength(1);
      const accumulator = new ChatStreamAccumulator();
      events.forEach((e) => accumulator.add(e));
      expect(accumulator.result()).toMatchObject({
        message: {
          text: 'Checking both now.',
          toolCalls: [
            { id: 'toolu_01TestStreamLookup', arguments: '{"number": "17", "fields": ["eta"]}' },
            { id: 'toolu_01TestStreamRefresh', arguments: '{}' },
          ],
        },
        finishReason: 'tool_calls',
        usage: { inputTokens: 702, outputTokens: 74 },
      });
    });

    it('throws a mid-stream error event after yielding what came before it', async () => {
      server.route(
        'POST',
        '/v1/messages',
        sse(wireEvents('anthropic-overloaded.chunks.txt'), { done: false }),
      );
      const seen: ChatStreamEvent[] = [];
      await expect(collect(adapter.streamChat!(call()), seen)).rejects.toMatchObject({
        code: 'provider_unavailable',
        message: 'anthropic: overloaded_error: Overloaded',
      });
      expect(seen).toContainEqual({ type: 'text-delta', delta: 'Once upon' });
    });

    it('throws when the connection is cut mid-stream', async () => {
      server.route(
        'POST',
        '/v1/messages',
        sse(wireEvents('anthropic-text.chunks.txt'), { done: false, truncateAfter: 4 }),
      );
      await expect(collect(adapter.streamChat!(call()))).rejects.toMatchObject({
        code: 'provider_unavailable',
      });
    });

    it('throws when the stream ends cleanly but before message_stop', async () => {
      const events = wireEvents('anthropic-text.chunks.txt').slice(0, -1);
      server.route('POST', '/v1/messages', sse(events, { done: false }));
      await expect(collect(adapter.streamChat!(call()))).rejects.toMatchObject({
        code: 'provider_error',
        message: expect.stringContaining('before message_stop'),
      });
    });

    it('throws an HTTP error answered before the stream began', async () => {
      server.route(
        'POST',
        '/v1/messages',
        json(
          429,
          { type: 'error', error: { type: 'rate_limit_error', message: 'slow down' } },
          { 'retry-after': '3' },
        ),
      );
      await expect(collect(adapter.streamChat!(call()))).rejects.toMatchObject({
        code: 'provider_rate_limited',
        details: { retryAfterSeconds: 3 },
      });
    });

    it('reports a caller abort mid-stream as a cancellation and closes the upstream connection', async () => {
      server.route(
        'POST',
        '/v1/messages',
        sse(wireEvents('anthropic-text.chunks.txt'), { done: false, hangAfter: 4 }),
      );
      const controller = new AbortController();
      const seen: ChatStreamEvent[] = [];
      const stream = collect(adapter.streamChat!(call({ signal: controller.signal })), seen);
      await waitFor(() => seen.some((e) => e.type === 'text-delta'));
      controller.abort();
      await expect(stream).rejects.toMatchObject({ code: 'cancelled' });
      await expect(server.responseEnd()).resolves.toBe('closed-early');
    });

    it('refuses an event that is not JSON', async () => {
      server.route('POST', '/v1/messages', sse([namedEvent('message_start', 'not json')], { done: false }));
      await expect(collect(adapter.streamChat!(call()))).rejects.toMatchObject({
        code: 'provider_error',
        message: expect.stringContaining('not valid JSON'),
      });
    });
  });

  describe('verify', () => {
    it('accepts a key that can list models', async () => {
      server.route('GET', '/v1/models', json(200, { data: [{ id: 'claude-sonnet-4-5', type: 'model' }] }));
      await expect(
        adapter.verify!({ secret: { apiKey: API_KEY }, config: { baseUrl: server.urlFor('/v1') } }),
      ).resolves.toEqual({ ok: true });
      expect(server.requests[0]!.headers).toMatchObject({
        'x-api-key': API_KEY,
        'anthropic-version': '2023-06-01',
      });
    });

    it.each([
      [401, 'authentication_error', 'invalid_credential'],
      [403, 'permission_error', 'permission_denied'],
    ])('turns %d into the refusal %s', async (status, type, reason) => {
      server.route('GET', '/v1/models', json(status, { type: 'error', error: { type, message: 'no' } }));
      await expect(
        adapter.verify!({ secret: { apiKey: API_KEY }, config: { baseUrl: server.urlFor('/v1') } }),
      ).resolves.toMatchObject({ ok: false, reason });
    });

    it('decides nothing on a server error', async () => {
      server.route('GET', '/v1/models', text(500, 'oops'));
      await expect(
        adapter.verify!({ secret: { apiKey: API_KEY }, config: { baseUrl: server.urlFor('/v1') } }),
      ).rejects.toMatchObject({ code: 'provider_unavailable' });
    });
  });
});

/** Polls until the condition holds: the stream's progress, not a duration, decides when to abort. */
async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChatRequest, ChatStreamEvent, ProviderAdapter, ProviderCall } from '@integration-api/core';
import { UpstreamClients } from '../http/upstream-clients.js';
import { MockProviderServer, hang, json, namedEvent, sse, text } from '../testing/index.js';
import { createCohereAdapter } from './cohere-adapter.js';

const API_KEY = 'co-test-key-7Hq2Lm9Xv4Rt8Wz1';

function fixtureText(name: string): string {
  return readFileSync(join(__dirname, '__fixtures__', name), 'utf8');
}
const fixture = (name: string): unknown => JSON.parse(fixtureText(name));
/** A recorded stream as Cohere frames it: `event: <type>` + `data: <json>`, no terminator. */
function cohereStream(name: string, count?: number) {
  const lines = fixtureText(name)
    .split('\n')
    .filter((line) => line.trim())
    .slice(0, count);
  return lines.map((line) => {
    const data = JSON.parse(line) as { type: string };
    return namedEvent(data.type, data);
  });
}

async function collect(stream: AsyncIterable<ChatStreamEvent>): Promise<ChatStreamEvent[]> {
  const events: ChatStreamEvent[] = [];
  for await (const event of stream) events.push(event);
  return events;
}

describe('Cohere adapter', () => {
  let server: MockProviderServer;
  let clients: UpstreamClients;
  let adapter: ProviderAdapter;

  function call<R>(request: R, signal = new AbortController().signal): ProviderCall<R> {
    return { request, secret: { apiKey: API_KEY }, config: { baseUrl: server.url }, signal };
  }
  const chatRequest: ChatRequest = {
    model: 'command-a-03-2025',
    messages: [
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Smallest prime above 10?' },
    ],
    temperature: 0.2,
  };

  beforeEach(async () => {
    server = await MockProviderServer.start();
    clients = new UpstreamClients({ allowPrivate: true });
    adapter = createCohereAdapter({ clients, timeoutMs: 500 });
  });

  afterEach(async () => {
    await clients.close();
    await server.close();
  });

  it('exposes exactly the operations its spec claims', () => {
    const { capabilities } = adapter.spec;
    expect(typeof adapter.chat === 'function').toBe(capabilities.chat);
    expect(typeof adapter.streamChat === 'function').toBe(capabilities.streaming);
    expect(typeof adapter.embed === 'function').toBe(capabilities.embeddings);
    expect(typeof adapter.rerank === 'function').toBe(capabilities.rerank);
    expect(typeof adapter.verify === 'function').toBe(capabilities.verify);
  });

  describe('chat', () => {
    it('posts the converted request with the key and returns the parsed answer', async () => {
      server.route('POST', '/v2/chat', json(200, fixture('cohere-text.json')));
      const result = await adapter.chat!(call(chatRequest));
      expect(result).toEqual({
        message: { text: 'The smallest prime above 10 is 11.', toolCalls: [] },
        finishReason: 'stop',
        rawFinishReason: 'COMPLETE',
        usage: { inputTokens: 504, outputTokens: 13, totalTokens: 517, cachedInputTokens: 448 },
        providerRequestId: '0c6b2f1e-8d4a-4e2b-9a51-3f7d2c9e6a10',
        model: 'command-a-03-2025',
      });
      const [received] = server.requests;
      expect(received!.headers).toMatchObject({ authorization: `Bearer ${API_KEY}` });
      expect(received!.json).toEqual({
        model: 'command-a-03-2025',
        messages: [
          { role: 'system', content: 'Be brief.' },
          { role: 'user', content: 'Smallest prime above 10?' },
        ],
        temperature: 0.2,
      });
    });

    it.each([
      [401, 'provider_auth_failed'],
      [498, 'provider_auth_failed'],
      [402, 'provider_permission_denied'],
      [422, 'provider_invalid_request'],
      [503, 'provider_unavailable'],
    ])('turns a %i into %s, without the key in the message', async (status, code) => {
      server.route('POST', '/v2/chat', json(status, { message: `refused for ${API_KEY}` }));
      const error = await adapter.chat!(call(chatRequest)).catch((e: unknown) => e);
      expect(error).toMatchObject({ code, message: 'cohere: refused for [redacted]' });
    });

    it('passes on how long to wait after a 429', async () => {
      server.route('POST', '/v2/chat', json(429, { message: 'too many requests' }, { 'retry-after': '7' }));
      await expect(adapter.chat!(call(chatRequest))).rejects.toMatchObject({
        code: 'provider_rate_limited',
        details: { retryAfterSeconds: 7 },
      });
    });

    it('reports an answer that is not JSON as a provider error', async () => {
      server.route('POST', '/v2/chat', text(200, 'hello'));
      await expect(adapter.chat!(call(chatRequest))).rejects.toMatchObject({ code: 'provider_error' });
    });
  });

  describe('streamChat', () => {
    it('asks for a stream and yields text, usage and one finish with the model', async () => {
      server.route('POST', '/v2/chat', sse(cohereStream('cohere-text.chunks.txt'), { done: false }));
      const events = await collect(adapter.streamChat!(call(chatRequest)));
      expect(server.requests[0]!.json).toMatchObject({ stream: true });
      expect(server.requests[0]!.headers).toMatchObject({ accept: 'text/event-stream' });
      expect(events.filter((e) => e.type === 'text-delta')).toHaveLength(8);
      expect(events.at(-1)).toEqual({
        type: 'finish',
        finishReason: 'stop',
        rawFinishReason: 'COMPLETE',
        providerRequestId: '3f9a6c2e-5b18-4d07-a9e3-0c4b7d1f8e62',
        model: 'command-a-03-2025',
      });
    });

    it('survives keep-alives and events split across reads', async () => {
      server.route(
        'POST',
        '/v2/chat',
        sse(cohereStream('cohere-tool-calls.chunks.txt'), {
          done: false,
          keepAliveComments: true,
          chunkBytes: 7,
        }),
      );
      const events = await collect(adapter.streamChat!(call(chatRequest)));
      const args = events
        .filter(
          (e): e is Extract<ChatStreamEvent, { type: 'tool-call-delta' }> => e.type === 'tool-call-delta',
        )
        .filter((e) => e.index === 1)
        .map((e) => e.argumentsDelta)
        .join('');
      expect(args).toBe('{"city": "Turin"}');
      expect(events.at(-1)).toMatchObject({ type: 'finish', finishReason: 'tool_calls' });
    });

    it('fails a stream that ends cleanly before message-end', async () => {
      server.route('POST', '/v2/chat', sse(cohereStream('cohere-text.chunks.txt', 6), { done: false }));
      await expect(collect(adapter.streamChat!(call(chatRequest)))).rejects.toMatchObject({
        code: 'provider_error',
        message: 'cohere: the stream ended before its message-end event',
      });
    });

    it('fails a stream whose connection is cut', async () => {
      server.route('POST', '/v2/chat', sse(cohereStream('cohere-text.chunks.txt'), { truncateAfter: 4 }));
      await expect(collect(adapter.streamChat!(call(chatRequest)))).rejects.toMatchObject({
        code: 'provider_unavailable',
      });
    });

    it('throws the refusal of a stream before any event', async () => {
      server.route('POST', '/v2/chat', json(400, { message: 'invalid request: messages must not be empty' }));
      await expect(collect(adapter.streamChat!(call(chatRequest)))).rejects.toMatchObject({
        code: 'provider_invalid_request',
        message: 'cohere: invalid request: messages must not be empty',
      });
    });

    it('stops reading when the caller aborts', async () => {
      server.route('POST', '/v2/chat', sse(cohereStream('cohere-text.chunks.txt'), { hangAfter: 3 }));
      const controller = new AbortController();
      const seen: ChatStreamEvent[] = [];
      const reading = (async () => {
        for await (const event of adapter.streamChat!(call(chatRequest, controller.signal))) {
          seen.push(event);
          if (seen.length === 1) controller.abort();
        }
      })();
      await expect(reading).rejects.toMatchObject({ code: 'cancelled' });
      await expect(server.responseEnd()).resolves.toBe('closed-early');
    });
  });

  describe('embed', () => {
    it('posts the texts and returns one vector per input', async () => {
      server.route('POST', '/v2/embed', json(200, fixture('cohere-embed.json')));
      const result = await adapter.embed!(
        call({
          model: 'embed-v4.0',
          inputs: ['quarterly revenue grew', 'the cat sat on the mat'],
          inputType: 'query',
        }),
      );
      expect(server.requests[0]!.json).toEqual({
        model: 'embed-v4.0',
        texts: ['quarterly revenue grew', 'the cat sat on the mat'],
        input_type: 'search_query',
        embedding_types: ['float'],
      });
      expect(result.embeddings).toHaveLength(2);
      expect(result).toMatchObject({ usage: { inputTokens: 11 }, model: 'embed-v4.0' });
    });
  });

  describe('rerank', () => {
    it('posts the query and documents and returns the ranking', async () => {
      server.route('POST', '/v2/rerank', json(200, fixture('cohere-rerank.json')));
      const result = await adapter.rerank!(
        call({ model: 'rerank-v3.5', query: 'savings', documents: ['a', 'b', 'c'], topN: 2 }),
      );
      expect(server.requests[0]!.json).toEqual({
        model: 'rerank-v3.5',
        query: 'savings',
        documents: ['a', 'b', 'c'],
        top_n: 2,
      });
      expect(result).toMatchObject({
        results: [
          { index: 2, relevanceScore: 0.8731 },
          { index: 0, relevanceScore: 0.0412 },
        ],
        usage: { searchUnits: 1 },
      });
    });
  });

  describe('verify', () => {
    const verifyRequest = () => ({ secret: { apiKey: API_KEY }, config: { baseUrl: server.url } });

    it('accepts a key the check calls valid', async () => {
      server.route(
        'POST',
        '/v1/check-api-key',
        json(200, { valid: true, organization_id: 'o', owner_id: 'u' }),
      );
      await expect(adapter.verify!(verifyRequest())).resolves.toEqual({ ok: true });
      expect(server.requests[0]!.headers).toMatchObject({ authorization: `Bearer ${API_KEY}` });
    });

    it('refuses a key the check calls not valid with status 200', async () => {
      server.route('POST', '/v1/check-api-key', json(200, { valid: false }));
      await expect(adapter.verify!(verifyRequest())).resolves.toMatchObject({
        ok: false,
        reason: 'invalid_credential',
      });
    });

    it.each([
      [401, 'invalid_credential'],
      [498, 'invalid_credential'],
      [403, 'permission_denied'],
    ])('refuses on a %i', async (status, reason) => {
      server.route('POST', '/v1/check-api-key', json(status, { message: `bad token ${API_KEY}` }));
      await expect(adapter.verify!(verifyRequest())).resolves.toEqual({
        ok: false,
        reason,
        message: 'bad token [redacted]',
      });
    });

    it('decides nothing on a server error or silence', async () => {
      server.route('POST', '/v1/check-api-key', json(500, { message: 'internal' }), { times: 1 });
      await expect(adapter.verify!(verifyRequest())).rejects.toMatchObject({ code: 'provider_unavailable' });
      server.route('POST', '/v1/check-api-key', hang());
      await expect(adapter.verify!(verifyRequest())).rejects.toMatchObject({ code: 'provider_unavailable' });
    });
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ProviderError,
  ProviderUnavailableError,
  type ChatRequest,
  type ChatStreamEvent,
  type ProviderAdapter,
  type ProviderCall,
} from '@integration-api/core';
import { UpstreamClients } from '../http/upstream-clients.js';
import { MockProviderServer, json, sse } from '../testing/index.js';
import { createGoogleGeminiAdapter } from './google-gemini-adapter.js';

const API_KEY = 'AIzaSyTest-0123456789abcdefghijklmnopq';
const shared = (name: string) => join(__dirname, '..', 'google-shared', '__fixtures__', name);
const fixture = (name: string): unknown => JSON.parse(readFileSync(shared(name), 'utf8'));
const chunks = (name: string): unknown[] =>
  readFileSync(shared(name), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as unknown);

const MODEL_PATH = '/v1beta/models/gemini-2.5-flash';
const request: ChatRequest = {
  model: 'gemini-2.5-flash',
  messages: [
    { role: 'system', content: 'Be brief.' },
    { role: 'user', content: 'Capital of Australia?' },
  ],
  temperature: 0.2,
};

describe('Google Gemini adapter', () => {
  let server: MockProviderServer;
  let clients: UpstreamClients;
  let adapter: ProviderAdapter;

  const call = <R>(req: R, signal = new AbortController().signal): ProviderCall<R> => ({
    request: req,
    secret: { apiKey: API_KEY },
    config: { baseUrl: server.urlFor('/v1beta') },
    signal,
  });
  const collect = async (stream: AsyncIterable<ChatStreamEvent>) => {
    const events: ChatStreamEvent[] = [];
    for await (const event of stream) events.push(event);
    return events;
  };

  beforeEach(async () => {
    server = await MockProviderServer.start();
    clients = new UpstreamClients({ allowPrivate: true });
    adapter = createGoogleGeminiAdapter({ clients, timeoutMs: 500 });
  });

  afterEach(async () => {
    await clients.close();
    await server.close();
  });

  it('sends the chat with the key in x-goog-api-key, never in the URL, and parses the answer', async () => {
    server.route('POST', `${MODEL_PATH}:generateContent`, json(200, fixture('gemini-text.json')));

    const result = await adapter.chat!(call(request));

    expect(result).toMatchObject({
      message: { text: 'The capital of Australia is **Canberra**, not Sydney.', toolCalls: [] },
      finishReason: 'stop',
      usage: { inputTokens: 11, outputTokens: 109 },
    });
    const [received] = server.requests;
    expect(received!.query).toEqual({});
    expect(received!.headers['x-goog-api-key']).toBe(API_KEY);
    expect(received!.headers.authorization).toBeUndefined();
    expect(received!.json).toEqual({
      contents: [{ role: 'user', parts: [{ text: 'Capital of Australia?' }] }],
      systemInstruction: { parts: [{ text: 'Be brief.' }] },
      generationConfig: { temperature: 0.2 },
    });
  });

  it('streams from streamGenerateContent?alt=sse, ending after the finish chunk without [DONE]', async () => {
    server.route(
      'POST',
      `${MODEL_PATH}:streamGenerateContent`,
      sse(chunks('gemini-text.chunks.txt'), { done: false }),
    );

    const events = await collect(adapter.streamChat!(call(request)));

    expect(server.requests[0]!.query).toEqual({ alt: 'sse' });
    expect(events.map((e) => e.type)).toEqual(['text-delta', 'text-delta', 'usage', 'finish']);
    expect(events.at(-1)).toMatchObject({
      finishReason: 'stop',
      providerRequestId: 'uHmQaZ2DMf6zgLUP4p2gqAw',
    });
  });

  it('streams a function call whole, with a stable id', async () => {
    server.route(
      'POST',
      `${MODEL_PATH}:streamGenerateContent`,
      sse(chunks('gemini-tool-call.chunks.txt'), { done: false, chunkBytes: 7 }),
    );
    const events = await collect(adapter.streamChat!(call(request)));
    expect(events.slice(0, 3)).toEqual([
      { type: 'tool-call-start', index: 0, id: 'call_wXmQabO2E5DcgLUPwqW0yAs_0', name: 'get_time' },
      { type: 'tool-call-delta', index: 0, argumentsDelta: '{"city":"Lisbon"}' },
      { type: 'tool-call-end', index: 0 },
    ]);
  });

  it('fails a stream whose body ends before the finish chunk', async () => {
    server.route(
      'POST',
      `${MODEL_PATH}:streamGenerateContent`,
      sse(chunks('gemini-truncated.chunks.txt'), { done: false }),
    );
    await expect(collect(adapter.streamChat!(call(request)))).rejects.toThrow(
      'google-gemini: the stream ended before the answer was finished',
    );
  });

  it('fails a stream whose connection is cut', async () => {
    server.route(
      'POST',
      `${MODEL_PATH}:streamGenerateContent`,
      sse(chunks('gemini-text.chunks.txt'), { done: false, truncateAfter: 1 }),
    );
    await expect(collect(adapter.streamChat!(call(request)))).rejects.toMatchObject({ kind: 'unavailable' });
  });

  it('passes on an error Google sends in the middle of a stream', async () => {
    server.route(
      'POST',
      `${MODEL_PATH}:streamGenerateContent`,
      sse(chunks('gemini-stream-error.chunks.txt'), { done: false }),
    );
    const seen: ChatStreamEvent[] = [];
    const error = await (async () => {
      for await (const event of adapter.streamChat!(call(request))) seen.push(event);
    })().catch((e: unknown) => e);
    expect(seen).toEqual([{ type: 'text-delta', delta: 'Let me think' }]);
    expect(error).toMatchObject({ kind: 'unavailable', message: expect.stringContaining('overloaded') });
  });

  it('reports an invalid key (400 API_KEY_INVALID) as an authentication failure', async () => {
    server.route('POST', `${MODEL_PATH}:generateContent`, json(400, fixture('gemini-api-key-invalid.json')));
    const error = await adapter.chat!(call(request)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ kind: 'auth_failed', details: { status: 400 } });
  });

  it('reports a 429 as rate limited with Google’s retry delay', async () => {
    server.route(
      'POST',
      `${MODEL_PATH}:streamGenerateContent`,
      json(429, fixture('google-rate-limited.json')),
    );
    await expect(collect(adapter.streamChat!(call(request)))).rejects.toMatchObject({
      kind: 'rate_limited',
      retryAfterSeconds: 13,
    });
  });

  it('refuses a model name that would change the path, before calling', async () => {
    await expect(adapter.chat!(call({ ...request, model: '../files' }))).rejects.toMatchObject({
      code: 'invalid_argument',
      details: { field: 'model' },
    });
    expect(server.requests).toHaveLength(0);
  });

  it('embeds through batchEmbedContents', async () => {
    server.route(
      'POST',
      '/v1beta/models/gemini-embedding-001:batchEmbedContents',
      json(200, JSON.parse(readFileSync(join(__dirname, '__fixtures__', 'gemini-batch-embed.json'), 'utf8'))),
    );
    const result = await adapter.embed!(
      call({ model: 'gemini-embedding-001', inputs: ['first', 'second'], inputType: 'document' }),
    );
    expect(result.embeddings).toHaveLength(2);
    expect(server.requests[0]!.headers['x-goog-api-key']).toBe(API_KEY);
    expect(server.requests[0]!.json).toEqual({
      requests: [
        {
          model: 'models/gemini-embedding-001',
          content: { parts: [{ text: 'first' }] },
          taskType: 'RETRIEVAL_DOCUMENT',
        },
        {
          model: 'models/gemini-embedding-001',
          content: { parts: [{ text: 'second' }] },
          taskType: 'RETRIEVAL_DOCUMENT',
        },
      ],
    });
  });

  describe('verification', () => {
    const verify = () =>
      adapter.verify!({ secret: { apiKey: API_KEY }, config: { baseUrl: server.urlFor('/v1beta') } });

    it('accepts a key that can list models', async () => {
      server.route('GET', '/v1beta/models', json(200, { models: [] }));
      await expect(verify()).resolves.toEqual({ ok: true });
      expect(server.requests[0]!.headers['x-goog-api-key']).toBe(API_KEY);
      expect(server.requests[0]!.query).toEqual({ pageSize: '1' });
    });

    it('reads 400 API_KEY_INVALID as an invalid credential', async () => {
      server.route('GET', '/v1beta/models', json(400, fixture('gemini-api-key-invalid.json')));
      await expect(verify()).resolves.toEqual({
        ok: false,
        reason: 'invalid_credential',
        message: 'API key not valid. Please pass a valid API key.',
      });
    });

    it('reads a blocked key as permission denied', async () => {
      server.route(
        'GET',
        '/v1beta/models',
        json(403, {
          error: {
            code: 403,
            message: 'Requests to this API are blocked.',
            status: 'PERMISSION_DENIED',
            details: [
              { '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_SERVICE_BLOCKED' },
            ],
          },
        }),
      );
      await expect(verify()).resolves.toMatchObject({ ok: false, reason: 'permission_denied' });
    });

    it('decides nothing on a server error', async () => {
      server.route(
        'GET',
        '/v1beta/models',
        json(503, { error: { code: 503, message: 'busy', status: 'UNAVAILABLE' } }),
      );
      await expect(verify()).rejects.toBeInstanceOf(ProviderUnavailableError);
    });
  });
});

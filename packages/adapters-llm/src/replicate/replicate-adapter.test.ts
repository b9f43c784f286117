import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CancelledError,
  ProviderError,
  ProviderUnavailableError,
  type ChatRequest,
  type ChatStreamEvent,
  type ProviderAdapter,
  type ProviderCall,
} from '@integration-api/core';
import { UpstreamClients } from '../http/upstream-clients.js';
import {
  MockProviderServer,
  hang,
  json,
  namedEvent,
  sse,
  text,
  type MockHandler,
  type RecordedRequest,
} from '../testing/index.js';
import { createReplicateAdapter } from './replicate-adapter.js';

const TOKEN = 'r8_TestToken7Hq2Lm9Xv4Rt8Wz1Ab3Cd';
const MODEL = 'meta/meta-llama-3-8b-instruct';
const CREATE_PATH = `/v1/models/${MODEL}/predictions`;
const ID = 'gm3qorzdhgbfurvjtvhg6dckhu';
const GET_PATH = `/v1/predictions/${ID}`;
const CANCEL_PATH = `/v1/predictions/${ID}/cancel`;
const STREAM_PATH = `/stream/${ID}`;

const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(__dirname, '__fixtures__', name), 'utf8')) as Record<string, unknown>;
/** The succeeded fixture, as the prediction ID of these tests. */
const succeeded = () => ({ ...fixture('replicate-succeeded.json'), id: ID });
const running = (status: 'starting' | 'processing', urls: Record<string, string> = {}) => ({
  id: ID,
  model: MODEL,
  status,
  output: null,
  error: null,
  urls,
});

const chatRequest: ChatRequest = {
  model: MODEL,
  messages: [
    { role: 'system', content: 'You are terse.' },
    { role: 'user', content: 'Say hello.' },
  ],
  temperature: 0.5,
  maxOutputTokens: 64,
};

async function collect(stream: AsyncIterable<ChatStreamEvent>): Promise<ChatStreamEvent[]> {
  const events: ChatStreamEvent[] = [];
  for await (const event of stream) events.push(event);
  return events;
}

function failureOf(run: () => Promise<unknown>): Promise<unknown> {
  return run().then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error,
  );
}

/** Answers like `handler`, then aborts `controller` once the answer is on its way. */
function thenAbort(controller: AbortController, handler: MockHandler): MockHandler {
  return async (request, response, context) => {
    await handler(request, response, context);
    setImmediate(() => controller.abort());
  };
}

describe('Replicate adapter', () => {
  let server: MockProviderServer;
  let clients: UpstreamClients;
  let adapter: ProviderAdapter;

  const call = <R>(request: R, signal = new AbortController().signal): ProviderCall<R> => ({
    request,
    secret: { apiToken: TOKEN },
    config: { baseUrl: server.urlFor('/v1') },
    signal,
  });
  const requestsTo = (method: string, path: string): RecordedRequest[] =>
    server.requests.filter((r) => r.method === method && r.path === path);
  const streaming = () => running('starting', { stream: server.urlFor(STREAM_PATH) });

  beforeEach(async () => {
    server = await MockProviderServer.start();
    clients = new UpstreamClients({ allowPrivate: true, headersTimeoutMs: 2_000, bodyTimeoutMs: 500 });
    adapter = createReplicateAdapter({
      clients,
      timeoutMs: 1_000,
      polling: { initialDelayMs: 5, maxDelayMs: 10 },
    });
    server.route('POST', CANCEL_PATH, json(200, { ...running('processing'), status: 'canceled' }));
  });

  afterEach(async () => {
    await clients.close();
    await server.close();
  });

  it('exposes exactly chat, streaming and verification, without tools or images', () => {
    expect(adapter.spec.id).toBe('replicate');
    expect(adapter.spec.capabilities).toMatchObject({
      chat: true,
      streaming: true,
      verify: true,
      tools: false,
    });
    expect(typeof adapter.chat).toBe('function');
    expect(typeof adapter.streamChat).toBe('function');
    expect(typeof adapter.verify).toBe('function');
    expect(adapter.embed).toBeUndefined();
    expect(adapter.rerank).toBeUndefined();
  });

  describe('chat', () => {
    it('creates the prediction with Prefer: wait and returns the answer it waited for', async () => {
      server.route('POST', CREATE_PATH, json(201, succeeded()));
      const result = await adapter.chat!(call(chatRequest));
      expect(result).toEqual({
        message: { text: 'Hello, world!', toolCalls: [] },
        finishReason: 'stop',
        rawFinishReason: 'succeeded',
        usage: { inputTokens: 12, outputTokens: 4, totalTokens: 16 },
        model: MODEL,
        providerRequestId: ID,
      });
      expect(server.requests).toHaveLength(1);
      const [created] = server.requests;
      expect(created!.headers).toMatchObject({
        authorization: `Bearer ${TOKEN}`,
        prefer: 'wait=60',
        'content-type': 'application/json',
      });
      expect(created!.json).toEqual({
        input: { prompt: 'Say hello.', system_prompt: 'You are terse.', temperature: 0.5, max_tokens: 64 },
      });
    });

    it('runs a pinned version through /predictions', async () => {
      const version = '5c7d5dc6dd8bf75c1acaa8565735e7986bc5b66206b55cca93cb72c9bf15ccaa';
      server.route('POST', '/v1/predictions', json(201, succeeded()));
      await adapter.chat!(call({ ...chatRequest, model: `${MODEL}:${version}` }));
      expect(server.requests[0]!.json).toMatchObject({ version, input: { prompt: 'Say hello.' } });
    });

    it('polls a prediction the synchronous wait did not see finish', async () => {
      server.route('POST', CREATE_PATH, json(201, running('starting')));
      server.route('GET', GET_PATH, json(200, succeeded()));
      server.route('GET', GET_PATH, json(200, running('processing')), { times: 2 });
      const result = await adapter.chat!(call(chatRequest));
      expect(result.message.text).toBe('Hello, world!');
      expect(requestsTo('GET', GET_PATH)).toHaveLength(3);
      expect(requestsTo('GET', GET_PATH)[0]!.headers).toMatchObject({ authorization: `Bearer ${TOKEN}` });
      expect(requestsTo('POST', CANCEL_PATH)).toHaveLength(0);
    });

    it("throws a failed prediction's error, whether it failed at once or while polled", async () => {
      server.route('POST', CREATE_PATH, json(201, { ...fixture('replicate-failed.json'), id: ID }));
      await expect(adapter.chat!(call(chatRequest))).rejects.toMatchObject({
        kind: 'error',
        message: 'replicate: CUDA error: out of memory',
      });

      server.route('POST', CREATE_PATH, json(201, running('processing')));
      server.route('GET', GET_PATH, json(200, { ...running('processing'), status: 'failed', error: 'boom' }));
      await expect(adapter.chat!(call(chatRequest))).rejects.toThrow('replicate: boom');
      expect(requestsTo('POST', CANCEL_PATH)).toHaveLength(0);
    });

    it('cancels the prediction when the caller aborts while it is polled', async () => {
      const controller = new AbortController();
      server.route('POST', CREATE_PATH, json(201, running('starting')));
      server.route('GET', GET_PATH, thenAbort(controller, json(200, running('processing'))));
      const error = await failureOf(() => adapter.chat!(call(chatRequest, controller.signal)));
      expect(error).toBeInstanceOf(CancelledError);
      const cancels = requestsTo('POST', CANCEL_PATH);
      expect(cancels).toHaveLength(1);
      expect(cancels[0]!.headers).toMatchObject({ authorization: `Bearer ${TOKEN}` });
    });

    it('gives up polling after maxWaitMs as a timeout, cancelling the prediction', async () => {
      adapter = createReplicateAdapter({
        clients,
        timeoutMs: 1_000,
        polling: { initialDelayMs: 5, maxDelayMs: 5, maxWaitMs: 30 },
      });
      server.route('POST', CREATE_PATH, json(201, running('starting')));
      server.route('GET', GET_PATH, json(200, running('starting')));
      await expect(adapter.chat!(call(chatRequest))).rejects.toMatchObject({ kind: 'timeout' });
      expect(requestsTo('POST', CANCEL_PATH)).toHaveLength(1);
    });

    it('throws CancelledError when the caller aborts during the synchronous wait', async () => {
      server.route('POST', CREATE_PATH, hang());
      const controller = new AbortController();
      const pending = failureOf(() => adapter.chat!(call(chatRequest, controller.signal)));
      setImmediate(() => controller.abort());
      expect(await pending).toBeInstanceOf(CancelledError);
    });

    it('reports an answer that is not a prediction as a provider error', async () => {
      server.route('POST', CREATE_PATH, text(201, 'hello'));
      await expect(adapter.chat!(call(chatRequest))).rejects.toMatchObject({ kind: 'error' });
      server.route('POST', CREATE_PATH, json(201, { detail: 'odd' }));
      await expect(adapter.chat!(call(chatRequest))).rejects.toThrow('the answer is not a prediction');
    });
  });

  describe('errors', () => {
    it.each([
      [401, 'auth_failed'],
      [402, 'permission_denied'],
      [403, 'permission_denied'],
      [404, 'invalid_request'],
      [422, 'invalid_request'],
      [500, 'unavailable'],
      [503, 'unavailable'],
    ] as const)('maps a %i to %s, keeping the detail but never the token', async (status, kind) => {
      server.route(
        'POST',
        CREATE_PATH,
        json(status, { title: 'Refused', detail: `It failed for ${TOKEN}.`, status }),
      );
      const error = await failureOf(() => adapter.chat!(call(chatRequest)));
      expect(error).toBeInstanceOf(ProviderError);
      expect(error).toMatchObject({
        kind,
        provider: 'replicate',
        message: 'replicate: It failed for [redacted].',
        details: { status },
      });
    });

    it('maps a 429 to rate_limited with the wait Replicate asked for', async () => {
      server.route(
        'POST',
        CREATE_PATH,
        json(
          429,
          { title: 'Request was throttled.', detail: 'Request was throttled.', status: 429 },
          { 'retry-after': '7' },
        ),
      );
      await expect(adapter.chat!(call(chatRequest))).rejects.toMatchObject({
        kind: 'rate_limited',
        retryAfterSeconds: 7,
      });
    });

    it('refuses a model reference that is not one, before calling Replicate', async () => {
      await expect(adapter.chat!(call({ ...chatRequest, model: '../../account' }))).rejects.toMatchObject({
        code: 'invalid_argument',
      });
      expect(server.requests).toHaveLength(0);
    });
  });

  describe('streamChat', () => {
    it('creates a streaming prediction, reads its output events and ends with usage and one finish', async () => {
      server.route('POST', CREATE_PATH, json(201, streaming()));
      server.route(
        'GET',
        STREAM_PATH,
        sse(
          [
            namedEvent('output', 'Hello'),
            namedEvent('logs', 'generated 1 token'),
            namedEvent('output', ', '),
            namedEvent('output', 'world!\nBye'),
            namedEvent('done', {}),
          ],
          { done: false, keepAliveComments: true },
        ),
      );
      server.route('GET', GET_PATH, json(200, succeeded()));

      const events = await collect(adapter.streamChat!(call(chatRequest)));
      expect(events).toEqual([
        { type: 'text-delta', delta: 'Hello' },
        { type: 'text-delta', delta: ', ' },
        { type: 'text-delta', delta: 'world!\nBye' },
        { type: 'usage', usage: { inputTokens: 12, outputTokens: 4, totalTokens: 16 } },
        {
          type: 'finish',
          finishReason: 'stop',
          rawFinishReason: 'succeeded',
          model: MODEL,
          providerRequestId: ID,
        },
      ]);
      const [created] = requestsTo('POST', CREATE_PATH);
      expect(created!.json).toMatchObject({ stream: true, input: { prompt: 'Say hello.' } });
      expect(created!.headers).not.toHaveProperty('prefer');
      expect(requestsTo('GET', STREAM_PATH)[0]!.headers).toMatchObject({
        authorization: `Bearer ${TOKEN}`,
        accept: 'text/event-stream',
      });
      expect(requestsTo('POST', CANCEL_PATH)).toHaveLength(0);
    });

    it('still finishes when the usage cannot be read after done', async () => {
      server.route('POST', CREATE_PATH, json(201, streaming()));
      server.route(
        'GET',
        STREAM_PATH,
        sse([namedEvent('output', 'Hi'), namedEvent('done', {})], { done: false }),
      );
      server.route('GET', GET_PATH, json(500, { detail: 'oops' }));
      const events = await collect(adapter.streamChat!(call(chatRequest)));
      expect(events.map((e) => e.type)).toEqual(['text-delta', 'finish']);
      expect(requestsTo('POST', CANCEL_PATH)).toHaveLength(0);
    });

    it('throws, never finishing, and cancels the prediction when the stream is cut before done', async () => {
      server.route('POST', CREATE_PATH, json(201, streaming()));
      server.route(
        'GET',
        STREAM_PATH,
        sse([namedEvent('output', 'Hel'), namedEvent('output', 'lo'), namedEvent('done', {})], {
          done: false,
          truncateAfter: 2,
        }),
      );
      const seen: ChatStreamEvent[] = [];
      const error = await failureOf(async () => {
        for await (const event of adapter.streamChat!(call(chatRequest))) seen.push(event);
      });
      expect(error).toBeInstanceOf(ProviderError);
      expect(['error', 'unavailable']).toContain((error as ProviderError).kind);
      expect(seen.some((e) => e.type === 'finish')).toBe(false);
      expect(requestsTo('POST', CANCEL_PATH)).toHaveLength(1);
    });

    it('throws when the stream ends cleanly without its done event', async () => {
      server.route('POST', CREATE_PATH, json(201, streaming()));
      server.route('GET', STREAM_PATH, sse([namedEvent('output', 'Hel')], { done: false }));
      await expect(collect(adapter.streamChat!(call(chatRequest)))).rejects.toThrow(
        'the stream ended before its done event',
      );
      expect(requestsTo('POST', CANCEL_PATH)).toHaveLength(1);
    });

    it("throws an error event's detail after the text before it", async () => {
      server.route('POST', CREATE_PATH, json(201, streaming()));
      server.route(
        'GET',
        STREAM_PATH,
        sse(
          [
            namedEvent('output', 'Hel'),
            namedEvent('error', { detail: 'The model crashed.' }),
            namedEvent('done', { reason: 'error' }),
          ],
          { done: false },
        ),
      );
      const seen: ChatStreamEvent[] = [];
      const error = await failureOf(async () => {
        for await (const event of adapter.streamChat!(call(chatRequest))) seen.push(event);
      });
      expect(error).toMatchObject({ kind: 'error', message: 'replicate: The model crashed.' });
      expect(seen).toEqual([{ type: 'text-delta', delta: 'Hel' }]);
      // The prediction already failed: nothing to cancel.
      expect(requestsTo('POST', CANCEL_PATH)).toHaveLength(0);
    });

    it('throws when done reports the prediction was canceled', async () => {
      server.route('POST', CREATE_PATH, json(201, streaming()));
      server.route(
        'GET',
        STREAM_PATH,
        sse([namedEvent('output', 'Hel'), namedEvent('done', { reason: 'canceled' })], { done: false }),
      );
      await expect(collect(adapter.streamChat!(call(chatRequest)))).rejects.toThrow(
        'replicate: the prediction was canceled',
      );
    });

    it('cancels the prediction when the caller aborts mid-stream', async () => {
      server.route('POST', CREATE_PATH, json(201, streaming()));
      server.route(
        'GET',
        STREAM_PATH,
        sse([namedEvent('output', 'Hel'), namedEvent('output', 'lo')], { done: false, hangAfter: 1 }),
      );
      const controller = new AbortController();
      const events = adapter.streamChat!(call(chatRequest, controller.signal))[Symbol.asyncIterator]();
      expect((await events.next()).value).toEqual({ type: 'text-delta', delta: 'Hel' });
      const pending = events.next();
      controller.abort();
      await expect(pending).rejects.toBeInstanceOf(CancelledError);
      expect(requestsTo('POST', CANCEL_PATH)).toHaveLength(1);
      const streamIndex = server.requests.findIndex((r) => r.path === STREAM_PATH);
      await expect(server.responseEnd(streamIndex)).resolves.toBe('closed-early');
    });

    it('cancels the prediction when the consumer stops reading', async () => {
      server.route('POST', CREATE_PATH, json(201, streaming()));
      server.route('GET', STREAM_PATH, sse([namedEvent('output', 'Hel')], { done: false, hangAfter: 1 }));
      for await (const event of adapter.streamChat!(call(chatRequest))) {
        if (event.type === 'text-delta') break;
      }
      expect(requestsTo('POST', CANCEL_PATH)).toHaveLength(1);
    });

    it('times out and cancels when the stream goes silent', async () => {
      server.route('POST', CREATE_PATH, json(201, streaming()));
      server.route('GET', STREAM_PATH, sse([namedEvent('output', 'Hel')], { done: false, hangAfter: 1 }));
      await expect(collect(adapter.streamChat!(call(chatRequest)))).rejects.toMatchObject({
        kind: 'timeout',
      });
      expect(requestsTo('POST', CANCEL_PATH)).toHaveLength(1);
    });

    it('cancels the prediction when the stream URL refuses the token', async () => {
      server.route('POST', CREATE_PATH, json(201, streaming()));
      server.route('GET', STREAM_PATH, json(401, { detail: 'Unauthenticated' }));
      await expect(collect(adapter.streamChat!(call(chatRequest)))).rejects.toMatchObject({
        kind: 'auth_failed',
      });
      expect(requestsTo('POST', CANCEL_PATH)).toHaveLength(1);
    });

    it('fails a stream Replicate refuses before it starts', async () => {
      server.route('POST', CREATE_PATH, json(401, { detail: 'Invalid token.' }));
      await expect(collect(adapter.streamChat!(call(chatRequest)))).rejects.toMatchObject({
        kind: 'auth_failed',
      });
    });

    it('sends the whole answer as one piece when the model cannot stream', async () => {
      server.route('POST', CREATE_PATH, json(201, running('starting')));
      server.route('GET', GET_PATH, json(200, succeeded()));
      const events = await collect(adapter.streamChat!(call(chatRequest)));
      expect(events).toEqual([
        { type: 'text-delta', delta: 'Hello, world!' },
        { type: 'usage', usage: { inputTokens: 12, outputTokens: 4, totalTokens: 16 } },
        {
          type: 'finish',
          finishReason: 'stop',
          rawFinishReason: 'succeeded',
          model: MODEL,
          providerRequestId: ID,
        },
      ]);
    });
  });

  describe('verify', () => {
    const credential = () => ({ secret: { apiToken: TOKEN }, config: { baseUrl: server.urlFor('/v1') } });

    it('accepts a token the account endpoint accepts', async () => {
      server.route('GET', '/v1/account', json(200, { type: 'user', username: 'ada', name: 'Ada' }));
      await expect(adapter.verify!(credential())).resolves.toEqual({ ok: true });
      expect(server.requests[0]!.headers).toMatchObject({ authorization: `Bearer ${TOKEN}` });
    });

    it.each([
      [401, 'invalid_credential'],
      [403, 'permission_denied'],
    ] as const)('reports a %i as %s', async (status, reason) => {
      server.route('GET', '/v1/account', json(status, { detail: `No access for ${TOKEN}`, status }));
      await expect(adapter.verify!(credential())).resolves.toEqual({
        ok: false,
        reason,
        message: 'No access for [redacted]',
      });
    });

    it('decides nothing when Replicate fails', async () => {
      server.route('GET', '/v1/account', json(503, { detail: 'down' }));
      await expect(adapter.verify!(credential())).rejects.toBeInstanceOf(ProviderUnavailableError);
    });
  });
});

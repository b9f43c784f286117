import {
  CancelledError,
  ChatStreamAccumulator,
  DomainError,
  ProviderError,
  type ChatRequest,
  type ChatStreamEvent,
  type ProviderAdapter,
  type ProviderCall,
} from '@integration-api/core';
import { UpstreamClients } from '../../http/upstream-clients.js';
import { hang } from '../mock-replies.js';
import { MockProviderServer, type RecordedRequest } from '../mock-provider-server.js';
import type { ChatContractFixture, ContractCase, ExpectedRequest } from './chat-contract-fixture.js';
import {
  CONTRACT_ANSWER_MODEL,
  CONTRACT_DETAILED_USAGE,
  CONTRACT_EMBED_INPUT_TOKENS,
  CONTRACT_EMBED_REQUEST,
  CONTRACT_EMBEDDINGS,
  CONTRACT_MID_STREAM_ERROR,
  CONTRACT_PARALLEL_REQUEST,
  CONTRACT_PARALLEL_TOOL_CALLS,
  CONTRACT_TEXT,
  CONTRACT_TEXT_PIECES,
  CONTRACT_TEXT_REQUEST,
  CONTRACT_TOOL_CALL,
  CONTRACT_TOOL_REQUEST,
  CONTRACT_TOOL_RESULTS_REQUEST,
  CONTRACT_TOOL_RESULTS_TEXT,
  CONTRACT_USAGE,
  CONTRACT_USAGE_REQUEST,
  CONTRACT_VISION_REQUEST,
  CONTRACT_VISION_TEXT,
  contractEchoMessage,
} from './contract-data.js';

/** Short enough to keep the timeout cases quick, long enough for a loaded CI machine. */
const CONTRACT_TIMEOUT_MS = 500;

/**
 * The shared contract every chat adapter passes, run against the mock provider with the
 * fixture's wire format: results, streams, tool calls, usage, each error class, timeouts, cut
 * streams and cancellation, and the exact upstream request of each case. Call it inside a test
 * file: `runChatContract(fixture)`.
 */
export function runChatContract(fixture: ChatContractFixture): void {
  describe(`${fixture.name} chat contract`, () => {
    let mock: MockProviderServer;
    let clients: UpstreamClients;
    let adapter: ProviderAdapter;

    beforeEach(async () => {
      mock = await MockProviderServer.start();
      clients = new UpstreamClients({
        allowPrivate: true,
        headersTimeoutMs: CONTRACT_TIMEOUT_MS,
        bodyTimeoutMs: CONTRACT_TIMEOUT_MS,
      });
      adapter = fixture.createAdapter(clients);
    });

    afterEach(async () => {
      await clients.close();
      await mock.close();
    });

    const callOf = <R>(request: R, signal = new AbortController().signal): ProviderCall<R> => ({
      request,
      ...fixture.credential(mock),
      signal,
    });
    const secrets = () => Object.values(fixture.credential(mock).secret).filter(Boolean);
    const script = (route: { method: string; path: string }, kase: Pick<ContractCase, 'reply'>) =>
      mock.route(route.method, route.path, kase.reply);
    const chat = (request: ChatRequest) => adapter.chat!(callOf(request));
    const stream = async (request: ChatRequest, signal?: AbortSignal) => {
      const events: ChatStreamEvent[] = [];
      for await (const event of adapter.streamChat!(callOf(request, signal))) events.push(event);
      return events;
    };
    const failureOf = (run: () => Promise<unknown>) =>
      run().then(
        () => {
          throw new Error('expected the call to fail');
        },
        (error: unknown) => error,
      );
    const expectOneRequest = (expected: ExpectedRequest) => {
      expect(mock.requests).toHaveLength(1);
      expectRequest(mock.requests[0]!, expected);
    };
    const expectNoSecret = (error: unknown) => {
      for (const secret of secrets()) expect((error as Error).message).not.toContain(secret);
    };

    it('implements what its spec claims', () => {
      const { capabilities } = adapter.spec;
      expect(adapter.spec.id).toBe(fixture.provider);
      expect(capabilities).toMatchObject({ chat: true, streaming: true, tools: true });
      expect(typeof adapter.chat).toBe('function');
      expect(typeof adapter.streamChat).toBe('function');
      expect(capabilities.vision).toBe(fixture.cases.vision !== undefined);
      expect(capabilities.embeddings).toBe(fixture.cases.embeddings !== undefined);
      expect(typeof adapter.embed === 'function').toBe(capabilities.embeddings);
      expect(capabilities.verify).toBe(fixture.cases.verify !== undefined);
    });

    it('answers a text request, sending the expected upstream request', async () => {
      script(fixture.routes.chat, fixture.cases.text);
      const result = await chat(CONTRACT_TEXT_REQUEST);
      expect(result.message).toEqual({ text: CONTRACT_TEXT, toolCalls: [] });
      expect(result.finishReason).toBe('stop');
      expect(result.usage).toMatchObject(CONTRACT_USAGE);
      expect(result.model).toBe(CONTRACT_ANSWER_MODEL);
      expectOneRequest(fixture.cases.text.expect);
    });

    it('streams text with its usage, ending with exactly one finish', async () => {
      script(fixture.routes.stream, fixture.cases.streamText);
      const events = await stream(CONTRACT_TEXT_REQUEST);
      expect(events.filter((e) => e.type === 'text-delta').map((e) => e.delta)).toEqual([
        ...CONTRACT_TEXT_PIECES,
      ]);
      expect(events.filter((e) => e.type === 'finish')).toHaveLength(1);
      expect(events.at(-1)).toMatchObject({
        type: 'finish',
        finishReason: 'stop',
        model: CONTRACT_ANSWER_MODEL,
      });
      const usageAt = events.findIndex((e) => e.type === 'usage');
      expect(usageAt).toBeGreaterThanOrEqual(0);
      expect(usageAt).toBeLessThan(events.length - 1);
      const result = accumulate(events);
      expect(result.message).toEqual({ text: CONTRACT_TEXT, toolCalls: [] });
      expect(result.usage).toMatchObject(CONTRACT_USAGE);
      expectOneRequest(fixture.cases.streamText.expect);
    });

    it('returns a tool call the model made', async () => {
      script(fixture.routes.chat, fixture.cases.toolCall);
      const result = await chat(CONTRACT_TOOL_REQUEST);
      expect(result.message.toolCalls).toEqual([CONTRACT_TOOL_CALL]);
      expect(result.finishReason).toBe('tool_calls');
      expectOneRequest(fixture.cases.toolCall.expect);
    });

    it('streams parallel tool calls, each started, continued and ended in order', async () => {
      script(fixture.routes.stream, fixture.cases.parallelToolCalls);
      const events = await stream(CONTRACT_PARALLEL_REQUEST);
      const result = accumulate(events);
      expect(result.message.toolCalls).toEqual(CONTRACT_PARALLEL_TOOL_CALLS);
      expect(result.finishReason).toBe('tool_calls');
      CONTRACT_PARALLEL_TOOL_CALLS.forEach((_call, index) => {
        const positions = (type: ChatStreamEvent['type']) =>
          events.flatMap((e, at) => (e.type === type && 'index' in e && e.index === index ? [at] : []));
        const [start] = positions('tool-call-start');
        const ends = positions('tool-call-end');
        expect(start).toBeDefined();
        expect(ends).toHaveLength(1);
        for (const delta of positions('tool-call-delta')) {
          expect(delta).toBeGreaterThan(start!);
          expect(delta).toBeLessThan(ends[0]!);
        }
      });
      expect(events.filter((e) => e.type === 'finish')).toHaveLength(1);
      expect(events.at(-1)?.type).toBe('finish');
      expectOneRequest(fixture.cases.parallelToolCalls.expect);
    });

    it('sends tool calls and their results back upstream', async () => {
      script(fixture.routes.chat, fixture.cases.toolResults);
      const result = await chat(CONTRACT_TOOL_RESULTS_REQUEST);
      expect(result.message.text).toBe(CONTRACT_TOOL_RESULTS_TEXT);
      expectOneRequest(fixture.cases.toolResults.expect);
    });

    it('reports the usage details the provider counts', async () => {
      const { fields } = fixture.cases.usage;
      script(fixture.routes.chat, fixture.cases.usage);
      const result = await chat(CONTRACT_USAGE_REQUEST);
      const expected = Object.fromEntries(fields.map((field) => [field, CONTRACT_DETAILED_USAGE[field]]));
      expect(result.usage).toMatchObject(expected);
      expectOneRequest(fixture.cases.usage.expect);
    });

    if (fixture.cases.vision) {
      const vision = fixture.cases.vision;
      it('sends images by URL and inline', async () => {
        script(fixture.routes.chat, vision);
        const result = await chat(CONTRACT_VISION_REQUEST);
        expect(result.message.text).toBe(CONTRACT_VISION_TEXT);
        expectOneRequest(vision.expect);
      });
    }

    describe('errors', () => {
      it.each([
        [401, 'auth_failed'],
        [403, 'permission_denied'],
        [404, 'invalid_request'],
        [422, 'invalid_request'],
        [500, 'unavailable'],
        [503, 'unavailable'],
      ] as const)('maps an HTTP %i to %s', async (status, kind) => {
        mock.route(
          fixture.routes.chat.method,
          fixture.routes.chat.path,
          fixture.errorReply(status, 'It failed.'),
        );
        const error = await failureOf(() => chat(CONTRACT_TEXT_REQUEST));
        expect(error).toBeInstanceOf(ProviderError);
        expect(error).toMatchObject({ kind, provider: fixture.provider, details: { status } });
        expect((error as Error).message).toContain('It failed.');
      });

      it('maps a 429 to rate_limited with the wait the provider asked for', async () => {
        mock.route(
          fixture.routes.chat.method,
          fixture.routes.chat.path,
          fixture.errorReply(429, 'Rate limit reached.', { 'retry-after': '7' }),
        );
        const error = await failureOf(() => chat(CONTRACT_TEXT_REQUEST));
        expect(error).toMatchObject({ kind: 'rate_limited', retryAfterSeconds: 7 });
      });

      it("maps a 400 to invalid_request with the provider's message, scrubbed of the secret", async () => {
        const [secret] = secrets();
        mock.route(
          fixture.routes.chat.method,
          fixture.routes.chat.path,
          fixture.errorReply(400, contractEchoMessage(secret!)),
        );
        const error = await failureOf(() => chat(CONTRACT_TEXT_REQUEST));
        expect(error).toMatchObject({ kind: 'invalid_request', details: { status: 400 } });
        expect((error as Error).message).toContain("Invalid value for 'model' with key [redacted].");
        expectNoSecret(error);
      });

      it('fails a stream the provider refuses before it starts', async () => {
        mock.route(
          fixture.routes.stream.method,
          fixture.routes.stream.path,
          fixture.errorReply(401, 'Bad key.'),
        );
        const error = await failureOf(() => stream(CONTRACT_TEXT_REQUEST));
        expect(error).toMatchObject({ kind: 'auth_failed' });
      });

      it('times out when the provider never answers', async () => {
        mock.route(fixture.routes.chat.method, fixture.routes.chat.path, hang());
        const error = await failureOf(() => chat(CONTRACT_TEXT_REQUEST));
        expect(error).toBeInstanceOf(ProviderError);
        expect(error).toMatchObject({ kind: 'timeout' });
      });

      it('times out when a stream goes silent', async () => {
        script(fixture.routes.stream, fixture.cases.stalledStream);
        const error = await failureOf(() => stream(CONTRACT_TEXT_REQUEST));
        expect(error).toMatchObject({ kind: 'timeout' });
      });

      it('throws the error the provider sends mid-stream, after the text before it', async () => {
        script(fixture.routes.stream, fixture.cases.midStreamError);
        const seen: ChatStreamEvent[] = [];
        const error = await failureOf(async () => {
          for await (const event of adapter.streamChat!(callOf(CONTRACT_TEXT_REQUEST))) seen.push(event);
        });
        expect(error).toBeInstanceOf(ProviderError);
        expect((error as Error).message).toContain(CONTRACT_MID_STREAM_ERROR);
        if (fixture.cases.midStreamError.kind) {
          expect(error).toMatchObject({ kind: fixture.cases.midStreamError.kind });
        }
        expect(seen).toContainEqual({ type: 'text-delta', delta: CONTRACT_TEXT_PIECES[0] });
        expect(seen.some((e) => e.type === 'finish')).toBe(false);
      });

      it('throws, never finishing, when the stream is cut before its end marker', async () => {
        script(fixture.routes.stream, fixture.cases.truncatedStream);
        const seen: ChatStreamEvent[] = [];
        const error = await failureOf(async () => {
          for await (const event of adapter.streamChat!(callOf(CONTRACT_TEXT_REQUEST))) seen.push(event);
        });
        expect(error).toBeInstanceOf(ProviderError);
        expect(['error', 'unavailable']).toContain((error as ProviderError).kind);
        expect(seen.some((e) => e.type === 'finish')).toBe(false);
      });
    });

    describe('cancellation', () => {
      it("closes the upstream connection when the caller's signal aborts mid-stream", async () => {
        script(fixture.routes.stream, fixture.cases.stalledStream);
        const controller = new AbortController();
        const events = adapter.streamChat!(callOf(CONTRACT_TEXT_REQUEST, controller.signal))[
          Symbol.asyncIterator
        ]();
        let first = await events.next();
        while (!first.done && first.value.type !== 'text-delta') first = await events.next();
        expect(first.value).toEqual({ type: 'text-delta', delta: CONTRACT_TEXT_PIECES[0] });
        const pending = events.next();
        controller.abort();
        const outcome = await pending.then(
          (next) => next,
          (error: unknown) => error,
        );
        // Either way the stream must not go on: a cancellation error, or the end of the iteration.
        if (outcome instanceof Error) expect(outcome).toBeInstanceOf(CancelledError);
        else expect(outcome).toMatchObject({ done: true });
        await expect(mock.responseEnd()).resolves.toBe('closed-early');
      });

      it('closes the upstream connection when the consumer stops reading', async () => {
        script(fixture.routes.stream, fixture.cases.stalledStream);
        for await (const event of adapter.streamChat!(callOf(CONTRACT_TEXT_REQUEST))) {
          if (event.type === 'text-delta') break;
        }
        await expect(mock.responseEnd()).resolves.toBe('closed-early');
      });

      it('throws CancelledError when the caller aborts before the answer', async () => {
        mock.route(fixture.routes.chat.method, fixture.routes.chat.path, hang());
        const controller = new AbortController();
        const pending = failureOf(() => adapter.chat!(callOf(CONTRACT_TEXT_REQUEST, controller.signal)));
        setImmediate(() => controller.abort());
        const error = await pending;
        expect(error).toBeInstanceOf(DomainError);
        expect(error).toBeInstanceOf(CancelledError);
      });
    });

    if (fixture.cases.embeddings) {
      const embeddings = fixture.cases.embeddings;
      const route = fixture.routes.embed!;
      it('embeds every input in order', async () => {
        script(route, embeddings);
        const result = await adapter.embed!(callOf(CONTRACT_EMBED_REQUEST));
        expect(result.embeddings).toEqual(CONTRACT_EMBEDDINGS);
        expect(result.usage).toMatchObject({ inputTokens: CONTRACT_EMBED_INPUT_TOKENS });
        expectOneRequest(embeddings.expect);
      });

      it('maps embedding errors like chat errors', async () => {
        mock.route(route.method, route.path, fixture.errorReply(429, 'Slow down.', { 'retry-after': '2' }));
        const error = await failureOf(() => adapter.embed!(callOf(CONTRACT_EMBED_REQUEST)));
        expect(error).toMatchObject({ kind: 'rate_limited', retryAfterSeconds: 2 });
      });
    }

    if (fixture.cases.verify) {
      const verify = fixture.cases.verify;
      it('verifies a working credential with one cheap request', async () => {
        script(verify.ok.expect, verify.ok);
        await expect(adapter.verify!(fixture.credential(mock))).resolves.toEqual({ ok: true });
        expectOneRequest(verify.ok.expect);
      });

      it('reports a refused credential as invalid', async () => {
        script(verify.ok.expect, verify.refused);
        await expect(adapter.verify!(fixture.credential(mock))).resolves.toMatchObject({
          ok: false,
          reason: 'invalid_credential',
        });
      });
    }
  });
}

function accumulate(events: readonly ChatStreamEvent[]) {
  const accumulator = new ChatStreamAccumulator();
  for (const event of events) accumulator.add(event);
  return accumulator.result();
}

function expectRequest(received: RecordedRequest, expected: ExpectedRequest): void {
  expect({ method: received.method, path: received.path }).toEqual({
    method: expected.method,
    path: expected.path,
  });
  if (expected.query) expect(received.query).toEqual(expected.query);
  if (expected.headers) expect(received.headers).toMatchObject(expected.headers);
  for (const name of expected.absentHeaders ?? []) expect(received.headers).not.toHaveProperty(name);
  if (expected.body !== undefined) expect(received.json).toEqual(expected.body);
  if (expected.bodyIncludes) expect(received.json).toMatchObject(expected.bodyIncludes);
}

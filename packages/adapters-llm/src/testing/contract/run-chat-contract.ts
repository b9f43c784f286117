import {
  CancelledError,
  ChatStreamAccumulator,
  DomainError,
  ProviderError,
  ProviderUnavailableError,
  type ChatRequest,
  type ChatStreamEvent,
  type EmbedRequest,
  type ProviderAdapter,
  type ProviderCall,
  type ProviderSpec,
  type RerankRequest,
} from '@integration-api/core';
import { UpstreamClients } from '../../http/upstream-clients.js';
import { hang } from '../mock-replies.js';
import { MockProviderServer, type MockHandler, type RecordedRequest } from '../mock-provider-server.js';
import type {
  AdapterContractFixture,
  ContractCase,
  ContractExchange,
  ContractRoute,
  ExpectedRequest,
  FailingStream,
} from './chat-contract-fixture.js';
import { CONTRACT_CAPABILITIES, contractCoverage, offeredOperations } from './contract-coverage.js';
import {
  CONTRACT_ANSWER_MODEL,
  CONTRACT_DETAILED_USAGE,
  CONTRACT_EMBED_INPUT_TOKENS,
  CONTRACT_EMBED_REQUEST,
  CONTRACT_EMBEDDING_MODEL,
  CONTRACT_EMBEDDINGS,
  CONTRACT_INLINE_VISION_REQUEST,
  CONTRACT_MID_STREAM_ERROR,
  CONTRACT_MODEL,
  CONTRACT_PARALLEL_REQUEST,
  CONTRACT_PARALLEL_TOOL_CALLS,
  CONTRACT_RERANK_MODEL,
  CONTRACT_RERANK_REQUEST,
  CONTRACT_RERANK_RESULTS,
  CONTRACT_RERANK_USAGE,
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

/** The operation the shared error, timeout and cancellation cases go through. */
interface PrimaryOperation {
  readonly name: 'chat' | 'embeddings' | 'rerank';
  readonly route: ContractRoute;
  /** Calls the operation with its canonical request; `call` wraps a request with the credential. */
  run(adapter: ProviderAdapter, call: <R>(request: R) => ProviderCall<R>): Promise<unknown>;
}

/**
 * The shared contract every adapter passes, run against the mock provider with the fixture's
 * wire format. It is driven by the capabilities the adapter's spec declares: for each declared
 * one it runs that capability's cases (results, streams, tool calls, images, embeddings, rerank,
 * verification, with the exact upstream request of each), and a declared capability the fixture
 * has no case for fails the suite, as does a case for an undeclared one. Errors, timeouts and
 * cancellation run on chat, or on the first of embeddings and rerank for providers without chat.
 * Call it inside a test file: `runAdapterContract(fixture)`.
 */
export function runAdapterContract(fixture: AdapterContractFixture): void {
  const spec = specOf(fixture);
  const declared = spec.capabilities;
  const coverage = contractCoverage(declared, fixture);
  const { cases, routes } = fixture;
  const models = {
    chat: fixture.models?.chat ?? CONTRACT_MODEL,
    answer: fixture.models?.answer ?? CONTRACT_ANSWER_MODEL,
    embedding: fixture.models?.embedding ?? CONTRACT_EMBEDDING_MODEL,
    rerank: fixture.models?.rerank ?? CONTRACT_RERANK_MODEL,
  };
  const chatRequest = (request: ChatRequest): ChatRequest => ({ ...request, model: models.chat });
  const embedRequest: EmbedRequest = { ...CONTRACT_EMBED_REQUEST, model: models.embedding };
  const rerankRequest: RerankRequest = { ...CONTRACT_RERANK_REQUEST, model: models.rerank };
  const primary = primaryOperation(fixture, declared, { chatRequest, embedRequest, rerankRequest });
  const claimed = CONTRACT_CAPABILITIES.filter((capability) => declared[capability]);

  describe(`${fixture.name} adapter contract (${claimed.join(', ') || 'no capabilities'})`, () => {
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
    /** Scripts exchanges to answer once each, in order (the mock asks the newest route first). */
    const scriptInOrder = (exchanges: readonly { route: ContractRoute; reply: MockHandler }[]) => {
      for (const { route, reply } of [...exchanges].reverse()) {
        mock.route(route.method, route.path, reply, { times: 1 });
      }
    };
    const script = (route: ContractRoute, kase: ContractCase) =>
      scriptInOrder([
        { route, reply: kase.reply },
        ...(kase.then ?? []).map((next) => ({ route: next.expect, reply: next.reply })),
      ]);
    /**
     * Scripts a failing stream; resolves the index (in `mock.requests`) of the request that got the
     * failing answer, for checking how that connection ended.
     */
    const scriptFailing = (failing: FailingStream): { readonly index: () => number } => {
      let index = -1;
      const reply: MockHandler = (request, response, context) => {
        index = mock.requests.indexOf(request);
        return failing.reply(request, response, context);
      };
      scriptInOrder([
        ...(failing.lead ?? []).map((exchange: ContractExchange) => ({
          route: exchange.expect,
          reply: exchange.reply,
        })),
        { route: failing.at ?? routes.stream!, reply },
      ]);
      return { index: () => index };
    };
    const chat = (request: ChatRequest) => adapter.chat!(callOf(chatRequest(request)));
    const stream = async (request: ChatRequest, signal?: AbortSignal) => {
      const events: ChatStreamEvent[] = [];
      for await (const event of adapter.streamChat!(callOf(chatRequest(request), signal))) events.push(event);
      return events;
    };
    const failureOf = (run: () => Promise<unknown>) =>
      run().then(
        () => {
          throw new Error('expected the call to fail');
        },
        (error: unknown) => error,
      );
    const expectExchanges = (kase: ContractCase) => {
      const expected = [kase.expect, ...(kase.then ?? []).map((next) => next.expect)];
      expect(mock.requests).toHaveLength(expected.length);
      expected.forEach((request, i) => expectRequest(mock.requests[i]!, request));
    };
    const expectNoSecret = (text: string) => {
      for (const secret of secrets()) expect(text).not.toContain(secret);
    };

    it('implements exactly the operations its spec declares', () => {
      expect(adapter.spec.id).toBe(fixture.provider);
      const offered = offeredOperations(adapter);
      const expected = Object.fromEntries(
        Object.keys(offered).map((key) => [key, declared[key as keyof typeof declared]]),
      );
      expect(offered).toEqual(expected);
    });

    it('has the contract cases of every capability it declares, and none of others', () => {
      // `missing`: declared but untested; `undeclared`: cases that would silently not run.
      expect(coverage).toEqual({ missing: [], undeclared: [] });
    });

    if (declared.chat && routes.chat) {
      const route = routes.chat;
      describe('chat', () => {
        if (cases.text) {
          const kase = cases.text;
          it('answers a text request, sending the expected upstream request', async () => {
            script(route, kase);
            const result = await chat(CONTRACT_TEXT_REQUEST);
            expect(result.message).toEqual({ text: CONTRACT_TEXT, toolCalls: [] });
            expect(result.finishReason).toBe('stop');
            expect(result.usage).toMatchObject(CONTRACT_USAGE);
            expect(result.model).toBe(models.answer);
            expectExchanges(kase);
          });
        }

        if (cases.usage) {
          const kase = cases.usage;
          it('reports the usage details the provider counts', async () => {
            script(route, kase);
            const result = await chat(CONTRACT_USAGE_REQUEST);
            const expected = Object.fromEntries(
              kase.fields.map((field) => [field, CONTRACT_DETAILED_USAGE[field]]),
            );
            expect(result.usage).toMatchObject(expected);
            expectExchanges(kase);
          });
        }
      });
    }

    if (declared.streaming && routes.stream) {
      const route = routes.stream;
      describe('streaming', () => {
        if (cases.streamText) {
          const kase = cases.streamText;
          it('streams text with its usage, ending with exactly one finish', async () => {
            script(route, kase);
            const events = await stream(CONTRACT_TEXT_REQUEST);
            expect(events.filter((e) => e.type === 'text-delta').map((e) => e.delta)).toEqual([
              ...CONTRACT_TEXT_PIECES,
            ]);
            expect(events.filter((e) => e.type === 'finish')).toHaveLength(1);
            expect(events.at(-1)).toMatchObject({
              type: 'finish',
              finishReason: 'stop',
              model: models.answer,
            });
            const usageAt = events.findIndex((e) => e.type === 'usage');
            expect(usageAt).toBeGreaterThanOrEqual(0);
            expect(usageAt).toBeLessThan(events.length - 1);
            const result = accumulate(events);
            expect(result.message).toEqual({ text: CONTRACT_TEXT, toolCalls: [] });
            expect(result.usage).toMatchObject(CONTRACT_USAGE);
            expectExchanges(kase);
          });
        }

        it('fails a stream the provider refuses before it starts', async () => {
          mock.route(route.method, route.path, fixture.errorReply(401, 'Bad key.'));
          const error = await failureOf(() => stream(CONTRACT_TEXT_REQUEST));
          expect(error).toMatchObject({ kind: 'auth_failed' });
        });

        if (cases.stalledStream) {
          const stalled = cases.stalledStream;
          it('times out when a stream goes silent', async () => {
            scriptFailing(stalled);
            const error = await failureOf(() => stream(CONTRACT_TEXT_REQUEST));
            expect(error).toMatchObject({ kind: 'timeout' });
          });
        }

        if (cases.midStreamError) {
          const failing = cases.midStreamError;
          it('throws the error the provider sends mid-stream, after the text before it', async () => {
            scriptFailing(failing);
            const seen: ChatStreamEvent[] = [];
            const error = await failureOf(async () => {
              for await (const event of adapter.streamChat!(callOf(chatRequest(CONTRACT_TEXT_REQUEST)))) {
                seen.push(event);
              }
            });
            expect(error).toBeInstanceOf(ProviderError);
            expect((error as Error).message).toContain(CONTRACT_MID_STREAM_ERROR);
            if (failing.kind) expect(error).toMatchObject({ kind: failing.kind });
            expect(seen).toContainEqual({ type: 'text-delta', delta: CONTRACT_TEXT_PIECES[0] });
            expect(seen.some((e) => e.type === 'finish')).toBe(false);
          });
        }

        if (cases.truncatedStream) {
          const truncated = cases.truncatedStream;
          it('throws, never finishing, when the stream is cut before its end marker', async () => {
            scriptFailing(truncated);
            const seen: ChatStreamEvent[] = [];
            const error = await failureOf(async () => {
              for await (const event of adapter.streamChat!(callOf(chatRequest(CONTRACT_TEXT_REQUEST)))) {
                seen.push(event);
              }
            });
            expect(error).toBeInstanceOf(ProviderError);
            expect(['error', 'unavailable']).toContain((error as ProviderError).kind);
            expect(seen.some((e) => e.type === 'finish')).toBe(false);
          });
        }

        if (cases.stalledStream) {
          const stalled = cases.stalledStream;
          it("closes the upstream connection when the caller's signal aborts mid-stream", async () => {
            const failing = scriptFailing(stalled);
            const controller = new AbortController();
            const events = adapter.streamChat!(callOf(chatRequest(CONTRACT_TEXT_REQUEST), controller.signal))[
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
            await expect(mock.responseEnd(failing.index())).resolves.toBe('closed-early');
          });

          it('closes the upstream connection when the consumer stops reading', async () => {
            const failing = scriptFailing(stalled);
            for await (const event of adapter.streamChat!(callOf(chatRequest(CONTRACT_TEXT_REQUEST)))) {
              if (event.type === 'text-delta') break;
            }
            await expect(mock.responseEnd(failing.index())).resolves.toBe('closed-early');
          });
        }
      });
    }

    if (declared.tools && declared.chat && routes.chat) {
      const chatRoute = routes.chat;
      describe('tools', () => {
        if (cases.toolCall) {
          const kase = cases.toolCall;
          it('returns a tool call the model made', async () => {
            script(chatRoute, kase);
            const result = await chat(CONTRACT_TOOL_REQUEST);
            expect(result.message.toolCalls).toEqual([CONTRACT_TOOL_CALL]);
            expect(result.finishReason).toBe('tool_calls');
            expectExchanges(kase);
          });
        }

        if (cases.parallelToolCalls && declared.streaming && routes.stream) {
          const kase = cases.parallelToolCalls;
          const streamRoute = routes.stream;
          it('streams parallel tool calls, each started, continued and ended in order', async () => {
            script(streamRoute, kase);
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
            expectExchanges(kase);
          });
        }

        if (cases.toolResults) {
          const kase = cases.toolResults;
          it('sends tool calls and their results back upstream', async () => {
            script(chatRoute, kase);
            const result = await chat(CONTRACT_TOOL_RESULTS_REQUEST);
            expect(result.message.text).toBe(CONTRACT_TOOL_RESULTS_TEXT);
            expectExchanges(kase);
          });
        }
      });
    }

    if (declared.vision && declared.chat && routes.chat && cases.vision) {
      const kase = cases.vision;
      const chatRoute = routes.chat;
      const inline = kase.images === 'inline';
      describe('vision', () => {
        it(
          inline ? 'sends images inline, as a data: URL and as data' : 'sends images by URL and inline',
          async () => {
            script(chatRoute, kase);
            const result = await chat(inline ? CONTRACT_INLINE_VISION_REQUEST : CONTRACT_VISION_REQUEST);
            expect(result.message.text).toBe(CONTRACT_VISION_TEXT);
            expectExchanges(kase);
          },
        );
      });
    }

    if (declared.embeddings && routes.embed && cases.embeddings) {
      const kase = cases.embeddings;
      const route = routes.embed;
      describe('embeddings', () => {
        it('embeds every input in order', async () => {
          script(route, kase);
          const result = await adapter.embed!(callOf(embedRequest));
          expect(result.embeddings).toEqual(CONTRACT_EMBEDDINGS);
          expect(result.usage).toMatchObject({ inputTokens: CONTRACT_EMBED_INPUT_TOKENS });
          // The port leaves the model optional here; when reported, it is the one asked for.
          if (result.model !== undefined) expect(result.model).toBe(models.embedding);
          expectExchanges(kase);
        });

        if (primary?.name !== 'embeddings') {
          it('maps embedding errors like the other operations', async () => {
            mock.route(
              route.method,
              route.path,
              fixture.errorReply(429, 'Slow down.', { 'retry-after': '2' }),
            );
            const error = await failureOf(() => adapter.embed!(callOf(embedRequest)));
            expect(error).toMatchObject({ kind: 'rate_limited', retryAfterSeconds: 2 });
          });
        }
      });
    }

    if (declared.rerank && routes.rerank && cases.rerank) {
      const kase = cases.rerank;
      const route = routes.rerank;
      describe('rerank', () => {
        it('ranks the documents best first, naming each by its position', async () => {
          script(route, kase);
          const result = await adapter.rerank!(callOf(rerankRequest));
          expect(result.results).toEqual(CONTRACT_RERANK_RESULTS);
          expect(result.usage).toEqual(
            Object.fromEntries(kase.usageFields.map((field) => [field, CONTRACT_RERANK_USAGE[field]])),
          );
          expect(result.model).toBe(models.rerank);
          expectExchanges(kase);
        });

        if (primary?.name !== 'rerank') {
          it('maps rerank errors like the other operations', async () => {
            mock.route(
              route.method,
              route.path,
              fixture.errorReply(429, 'Slow down.', { 'retry-after': '2' }),
            );
            const error = await failureOf(() => adapter.rerank!(callOf(rerankRequest)));
            expect(error).toMatchObject({ kind: 'rate_limited', retryAfterSeconds: 2 });
          });
        }
      });
    }

    if (declared.verify && cases.verify) {
      const verify = cases.verify;
      const route = verify.ok.expect;
      describe('verify', () => {
        it('verifies a working credential with one cheap request', async () => {
          script(route, verify.ok);
          await expect(adapter.verify!(fixture.credential(mock))).resolves.toEqual({ ok: true });
          expectExchanges(verify.ok);
        });

        it('reports a refused credential as invalid, without its secret', async () => {
          mock.route(route.method, route.path, verify.refused.reply);
          const outcome = await adapter.verify!(fixture.credential(mock));
          expect(outcome).toMatchObject({ ok: false, reason: 'invalid_credential' });
          expectNoSecret(JSON.stringify(outcome));
        });

        it('throws ProviderUnavailableError when the provider cannot be reached', async () => {
          mock.route(route.method, route.path, (_request, response) => {
            response.destroy();
          });
          const error = await failureOf(() => adapter.verify!(fixture.credential(mock)));
          expect(error).toBeInstanceOf(ProviderUnavailableError);
          expectNoSecret((error as Error).message);
        });

        it('throws ProviderUnavailableError when the provider answers with a server error', async () => {
          mock.route(route.method, route.path, fixture.errorReply(503, 'Down for maintenance.'));
          const error = await failureOf(() => adapter.verify!(fixture.credential(mock)));
          expect(error).toBeInstanceOf(ProviderUnavailableError);
        });
      });
    }

    if (primary) {
      const { route } = primary;
      const run = (signal?: AbortSignal) => primary.run(adapter, (request) => callOf(request, signal));

      describe(`errors (${primary.name})`, () => {
        it.each([
          [401, 'auth_failed'],
          [403, 'permission_denied'],
          [404, 'invalid_request'],
          [422, 'invalid_request'],
          [500, 'unavailable'],
          [503, 'unavailable'],
        ] as const)('maps an HTTP %i to %s', async (status, kind) => {
          mock.route(route.method, route.path, fixture.errorReply(status, 'It failed.'));
          const error = await failureOf(() => run());
          expect(error).toBeInstanceOf(ProviderError);
          expect(error).toMatchObject({ kind, provider: fixture.provider, details: { status } });
          expect((error as Error).message).toContain('It failed.');
        });

        it('maps a 429 to rate_limited with the wait the provider asked for', async () => {
          mock.route(
            route.method,
            route.path,
            fixture.errorReply(429, 'Rate limit reached.', { 'retry-after': '7' }),
          );
          const error = await failureOf(() => run());
          expect(error).toMatchObject({ kind: 'rate_limited', retryAfterSeconds: 7 });
        });

        it("maps a 400 to invalid_request with the provider's message, scrubbed of the secret", async () => {
          const [secret] = secrets();
          mock.route(route.method, route.path, fixture.errorReply(400, contractEchoMessage(secret!)));
          const error = await failureOf(() => run());
          expect(error).toMatchObject({ kind: 'invalid_request', details: { status: 400 } });
          expect((error as Error).message).toContain("Invalid value for 'model' with key [redacted].");
          expectNoSecret((error as Error).message);
        });

        it('times out when the provider never answers', async () => {
          mock.route(route.method, route.path, hang());
          const error = await failureOf(() => run());
          expect(error).toBeInstanceOf(ProviderError);
          expect(error).toMatchObject({ kind: 'timeout' });
        });
      });

      describe(`cancellation (${primary.name})`, () => {
        it('throws CancelledError when the caller aborts before the answer', async () => {
          mock.route(route.method, route.path, hang());
          const controller = new AbortController();
          const pending = failureOf(() => run(controller.signal));
          setImmediate(() => controller.abort());
          const error = await pending;
          expect(error).toBeInstanceOf(DomainError);
          expect(error).toBeInstanceOf(CancelledError);
        });
      });
    }
  });
}

/** The former name, from when the suite covered chat only. */
export const runChatContract = runAdapterContract;

/** The adapter's spec, read once while the suite is declared (which cases exist depends on it). */
function specOf(fixture: AdapterContractFixture): ProviderSpec {
  const probe = new UpstreamClients({ allowPrivate: true });
  try {
    return fixture.createAdapter(probe).spec;
  } finally {
    void probe.close();
  }
}

function primaryOperation(
  fixture: AdapterContractFixture,
  declared: ProviderSpec['capabilities'],
  requests: {
    chatRequest(request: ChatRequest): ChatRequest;
    readonly embedRequest: EmbedRequest;
    readonly rerankRequest: RerankRequest;
  },
): PrimaryOperation | undefined {
  const { routes } = fixture;
  if (declared.chat && routes.chat) {
    return {
      name: 'chat',
      route: routes.chat,
      run: (adapter, call) => adapter.chat!(call(requests.chatRequest(CONTRACT_TEXT_REQUEST))),
    };
  }
  if (declared.embeddings && routes.embed) {
    return {
      name: 'embeddings',
      route: routes.embed,
      run: (adapter, call) => adapter.embed!(call(requests.embedRequest)),
    };
  }
  if (declared.rerank && routes.rerank) {
    return {
      name: 'rerank',
      route: routes.rerank,
      run: (adapter, call) => adapter.rerank!(call(requests.rerankRequest)),
    };
  }
  return undefined;
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

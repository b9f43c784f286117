import {
  Client as GrpcClient,
  credentials as grpcCredentials,
  Metadata as GrpcMetadata,
} from '@grpc/grpc-js';
import {
  CancelledError,
  CredentialService,
  InferenceService,
  ProviderError,
  type ProviderRegistry,
} from '@integration-api/core';
import {
  ContextCheckingTestCipher,
  FixedClock,
  InMemoryCredentialRepository,
  MapCredentialCache,
  ScriptedAdapter,
  SequentialIds,
  StaticAuthenticator,
  TEST_PROVIDER_SPEC,
  TestUpstreamGuard,
  abortOf,
  testPrincipal,
} from '@integration-api/core/testing';
import { ClientError, createChannel, createClient, Metadata, Status, type Channel } from 'nice-grpc';
import {
  ChatRequest,
  ChatResponse,
  EmbeddingInputType,
  FinishReason,
  InferenceServiceDefinition,
  ReasoningEffort,
  ResponseFormatType,
  ToolChoiceType,
  type InferenceServiceClient,
  type StreamChatResponse,
} from '../generated/integration/v1/inference.js';
import { isAbortError } from '../server/add-service.js';
import { createGrpcServer, type GrpcServer } from '../server/grpc-server.js';
import { bindEphemeral, failureOf, type CallFailure } from '../testing/grpc-test-helpers.js';

const API_KEY = 'sk-test-0123456789abcd';

/** The smallest chat request, without its credential (the tests create that). */
const HELLO = { model: 'gpt-test', messages: [{ user: { content: 'Hello' } }] };

const ALL_CAPABILITIES = {
  chat: true,
  streaming: true,
  tools: true,
  vision: true,
  embeddings: true,
  rerank: true,
  verify: false,
};

describe('integration.v1.InferenceService over gRPC', () => {
  let grpc: GrpcServer;
  let channel: Channel;
  let address: string;
  let openai: ScriptedAdapter;
  let credentialId: string;
  let chatOnlyCredentialId: string;

  const clientFor = (token?: string): InferenceServiceClient =>
    createClient(InferenceServiceDefinition, channel, {
      '*': token ? { metadata: Metadata({ authorization: `Bearer ${token}` }) } : {},
    });
  let client: InferenceServiceClient;

  beforeAll(async () => {
    openai = new ScriptedAdapter({ ...TEST_PROVIDER_SPEC, capabilities: ALL_CAPABILITIES });
    // A provider that can chat and nothing else, for UNIMPLEMENTED.
    const chatOnly = new ScriptedAdapter({
      ...TEST_PROVIDER_SPEC,
      id: 'mistral',
      capabilities: { ...ALL_CAPABILITIES, embeddings: false, rerank: false },
    });
    const adapters = [openai, chatOnly];
    const providers: ProviderRegistry = {
      list: () => adapters,
      get: (id) => adapters.find((adapter) => adapter.spec.id === id),
    };
    const credentials = new CredentialService({
      repository: new InMemoryCredentialRepository(),
      cache: new MapCredentialCache(),
      cipher: new ContextCheckingTestCipher(),
      providers,
      upstreamGuard: new TestUpstreamGuard(),
      clock: new FixedClock(),
      ids: new SequentialIds(),
    });
    const inference = new InferenceService({ credentials, providers, clock: new FixedClock() });
    const owner = testPrincipal();
    const authenticator = new StaticAuthenticator({
      caller: owner,
      'no-inference': testPrincipal({ scopes: ['credentials:read', 'credentials:write'] }),
      'other-tenant': testPrincipal({ organizationId: 'org-b' }),
    });
    ({ id: credentialId } = await credentials.create(owner, {
      provider: 'openai',
      name: 'main',
      secret: API_KEY,
      config: { baseUrl: 'https://llm.example.com/v1' },
      verify: false,
    }));
    ({ id: chatOnlyCredentialId } = await credentials.create(owner, {
      provider: 'mistral',
      name: 'chat-only',
      secret: API_KEY,
      verify: false,
    }));

    grpc = createGrpcServer({ credentials, providers, inference, authenticator });
    address = `127.0.0.1:${await bindEphemeral(grpc.server)}`;
    channel = createChannel(address);
    client = clientFor('caller');
  });

  afterAll(async () => {
    channel.close();
    await grpc.shutdown(1000);
  });

  beforeEach(() => {
    openai.reset();
  });

  const hello = () => ({ credentialId, ...HELLO });

  const expectFailure = (failure: CallFailure, code: Status, errorCode: string, field?: string) => {
    expect({
      code: Status[failure.code],
      errorCode: failure.trailer?.get('x-error-code'),
      field: failure.trailer?.get('x-error-field'),
    }).toEqual({ code: Status[code], errorCode, field });
  };

  describe('Chat', () => {
    it('maps the whole request to core and the answer back, tool calls and results included', async () => {
      const weatherSchema = {
        type: 'object',
        properties: { city: { type: 'string' }, days: { type: 'integer', minimum: 1 } },
        required: ['city'],
      };
      const answerSchema = { type: 'object', properties: { summary: { type: 'string' } } };
      openai.onChat = async () => ({
        message: {
          text: '',
          reasoning: 'Tomorrow needs another lookup.',
          toolCalls: [{ id: 'call_3', name: 'get_weather', arguments: '{"city":"Oslo","days":2}' }],
        },
        finishReason: 'tool_calls',
        rawFinishReason: 'tool_use',
        usage: { inputTokens: 120, outputTokens: 30, cachedInputTokens: 100, reasoningTokens: 12 },
        model: 'gpt-test-2026-01-01',
        providerRequestId: 'req_123',
      });

      const response = await client.chat({
        credentialId,
        model: 'gpt-test',
        messages: [
          { system: { content: 'Be brief.' } },
          {
            user: {
              parts: [
                { text: 'What is in these pictures, and what is the weather there?' },
                { image: { url: 'https://images.example.com/oslo.jpg' } },
                { image: { data: Buffer.from('\x89PNG fake bytes'), mediaType: 'image/png' } },
              ],
            },
          },
          {
            assistant: {
              reasoning: 'Two lookups at once.',
              toolCalls: [
                { id: 'call_1', name: 'get_weather', arguments: '{"city":"Oslo"}' },
                { id: 'call_2', name: 'get_time', arguments: '{}' },
              ],
            },
          },
          { tool: { toolCallId: 'call_1', content: '{"tempC":3}', name: 'get_weather' } },
          { tool: { toolCallId: 'call_2', content: '12:00' } },
          { assistant: { content: 'It is 3°C and noon in Oslo.' } },
          { user: { content: 'And tomorrow?' } },
        ],
        tools: [
          {
            name: 'get_weather',
            description: 'The weather of a city',
            parameters: JSON.stringify(weatherSchema),
            strict: true,
          },
          { name: 'get_time', parameters: '{"type":"object","properties":{}}' },
        ],
        toolChoice: { type: ToolChoiceType.TOOL_CHOICE_TYPE_TOOL, name: 'get_weather' },
        // Zero is a value, not "unset".
        temperature: 0,
        topP: 0.9,
        maxOutputTokens: 256,
        stop: ['END', '###'],
        seed: 42,
        presencePenalty: 0.5,
        frequencyPenalty: -0.5,
        responseFormat: {
          type: ResponseFormatType.RESPONSE_FORMAT_TYPE_JSON_SCHEMA,
          name: 'answer',
          schema: JSON.stringify(answerSchema),
          strict: true,
          description: 'The answer',
        },
        reasoningEffort: ReasoningEffort.REASONING_EFFORT_LOW,
        reasoningBudgetTokens: 1024,
        parallelToolCalls: true,
        providerOptions: '{"user":"u-1","metadata":{"trace":"t-9"}}',
      });

      const call = openai.onlyCall();
      expect(call.secret).toEqual({ apiKey: API_KEY });
      expect(call.config).toEqual({ baseUrl: 'https://llm.example.com/v1' });
      expect(call.request).toStrictEqual({
        model: 'gpt-test',
        messages: [
          { role: 'system', content: 'Be brief.' },
          {
            role: 'user',
            content: [
              { type: 'text', text: 'What is in these pictures, and what is the weather there?' },
              { type: 'image', url: 'https://images.example.com/oslo.jpg' },
              {
                type: 'image',
                data: Buffer.from('\x89PNG fake bytes').toString('base64'),
                mediaType: 'image/png',
              },
            ],
          },
          {
            role: 'assistant',
            reasoning: 'Two lookups at once.',
            toolCalls: [
              { id: 'call_1', name: 'get_weather', arguments: '{"city":"Oslo"}' },
              { id: 'call_2', name: 'get_time', arguments: '{}' },
            ],
          },
          { role: 'tool', toolCallId: 'call_1', content: '{"tempC":3}', name: 'get_weather' },
          { role: 'tool', toolCallId: 'call_2', content: '12:00' },
          { role: 'assistant', content: 'It is 3°C and noon in Oslo.' },
          { role: 'user', content: 'And tomorrow?' },
        ],
        tools: [
          {
            name: 'get_weather',
            description: 'The weather of a city',
            parameters: weatherSchema,
            strict: true,
          },
          { name: 'get_time', parameters: { type: 'object', properties: {} } },
        ],
        toolChoice: { type: 'tool', name: 'get_weather' },
        temperature: 0,
        topP: 0.9,
        maxOutputTokens: 256,
        stop: ['END', '###'],
        seed: 42,
        presencePenalty: 0.5,
        frequencyPenalty: -0.5,
        responseFormat: {
          type: 'json_schema',
          name: 'answer',
          schema: answerSchema,
          strict: true,
          description: 'The answer',
        },
        reasoningEffort: 'low',
        reasoningBudgetTokens: 1024,
        parallelToolCalls: true,
        providerOptions: { user: 'u-1', metadata: { trace: 't-9' } },
      });

      expect(response).toEqual({
        message: {
          text: '',
          reasoning: 'Tomorrow needs another lookup.',
          toolCalls: [{ id: 'call_3', name: 'get_weather', arguments: '{"city":"Oslo","days":2}' }],
        },
        finishReason: FinishReason.FINISH_REASON_TOOL_CALLS,
        rawFinishReason: 'tool_use',
        // The total is filled in from input and output.
        usage: {
          inputTokens: 120,
          outputTokens: 30,
          totalTokens: 150,
          cachedInputTokens: 100,
          reasoningTokens: 12,
        },
        model: 'gpt-test-2026-01-01',
        providerRequestId: 'req_123',
        // FixedClock advances one millisecond per reading: start and end of the call.
        metrics: { latencyMs: 1 },
      });
    });

    it('sends a minimal request with nothing but model and messages', async () => {
      openai.onChat = async () => ({
        message: { text: 'Hi!', toolCalls: [] },
        finishReason: 'stop',
        usage: {},
      });

      const response = await client.chat(hello());

      expect(openai.onlyCall().request).toStrictEqual({
        model: 'gpt-test',
        messages: [{ role: 'user', content: 'Hello' }],
      });
      expect(response).toEqual({
        message: { text: 'Hi!', reasoning: '', toolCalls: [] },
        finishReason: FinishReason.FINISH_REASON_STOP,
        rawFinishReason: '',
        usage: {},
        model: '',
        providerRequestId: '',
        metrics: { latencyMs: 1 },
      });
    });
  });

  describe('StreamChat', () => {
    it('streams deltas of parallel tool calls, then one final frame with the whole answer', async () => {
      openai.onStreamChat = async function* () {
        yield { type: 'reasoning-delta', delta: 'Two lookups.' };
        yield { type: 'text-delta', delta: 'Checking ' };
        yield { type: 'text-delta', delta: 'both.' };
        yield { type: 'tool-call-start', index: 0, id: 'call_a', name: 'get_weather' };
        yield { type: 'tool-call-start', index: 1, id: 'call_b', name: 'get_time' };
        yield { type: 'tool-call-delta', index: 0, argumentsDelta: '{"city":' };
        yield { type: 'tool-call-delta', index: 1, argumentsDelta: '{"tz":"CET"}' };
        yield { type: 'tool-call-delta', index: 0, argumentsDelta: '"Oslo"}' };
        yield { type: 'tool-call-end', index: 1 };
        yield { type: 'tool-call-end', index: 0 };
        yield { type: 'usage', usage: { inputTokens: 50 } };
        yield { type: 'usage', usage: { outputTokens: 20, reasoningTokens: 5 } };
        yield {
          type: 'finish',
          finishReason: 'tool_calls',
          rawFinishReason: 'tool_calls',
          model: 'gpt-test-2026-01-01',
          providerRequestId: 'req_stream',
        };
      };

      const frames = await collect(client.streamChat(hello()));

      expect(openai.onlyCall().request).toStrictEqual({
        model: 'gpt-test',
        messages: [{ role: 'user', content: 'Hello' }],
      });
      expect(frames).toEqual([
        { reasoningDelta: 'Two lookups.' },
        { textDelta: 'Checking ' },
        { textDelta: 'both.' },
        { toolCallStart: { index: 0, id: 'call_a', name: 'get_weather' } },
        { toolCallStart: { index: 1, id: 'call_b', name: 'get_time' } },
        { toolCallDelta: { index: 0, argumentsDelta: '{"city":' } },
        { toolCallDelta: { index: 1, argumentsDelta: '{"tz":"CET"}' } },
        { toolCallDelta: { index: 0, argumentsDelta: '"Oslo"}' } },
        { toolCallEnd: { index: 1 } },
        { toolCallEnd: { index: 0 } },
        { usage: { inputTokens: 50 } },
        { usage: { outputTokens: 20, reasoningTokens: 5 } },
        {
          final: {
            message: {
              text: 'Checking both.',
              reasoning: 'Two lookups.',
              toolCalls: [
                { id: 'call_a', name: 'get_weather', arguments: '{"city":"Oslo"}' },
                { id: 'call_b', name: 'get_time', arguments: '{"tz":"CET"}' },
              ],
            },
            finishReason: FinishReason.FINISH_REASON_TOOL_CALLS,
            rawFinishReason: 'tool_calls',
            usage: { inputTokens: 50, outputTokens: 20, totalTokens: 70, reasoningTokens: 5 },
            model: 'gpt-test-2026-01-01',
            providerRequestId: 'req_stream',
            // FixedClock ticks once per reading: start, first content, end.
            metrics: { latencyMs: 2, timeToFirstTokenMs: 1 },
          },
        },
      ]);
    });

    it('ends with the error status and its trailer after deltas were sent', async () => {
      openai.onStreamChat = async function* () {
        yield { type: 'text-delta', delta: 'Hel' };
        yield { type: 'text-delta', delta: 'lo' };
        throw new ProviderError('rate_limited', 'openai', 'Rate limit reached', { retryAfterSeconds: 2.5 });
      };
      const frames: StreamChatResponse[] = [];
      let trailer: Metadata | undefined;

      const error = await (async () => {
        for await (const frame of client.streamChat(hello(), { onTrailer: (t) => (trailer = t) })) {
          frames.push(frame);
        }
      })().catch((e: unknown) => e);

      expect(frames).toEqual([{ textDelta: 'Hel' }, { textDelta: 'lo' }]);
      expect(error).toBeInstanceOf(ClientError);
      expect((error as ClientError).code).toBe(Status.RESOURCE_EXHAUSTED);
      expect((error as ClientError).details).toBe('openai: Rate limit reached');
      expect(trailer?.get('x-error-code')).toBe('provider_rate_limited');
      expect(trailer?.get('retry-after')).toBe('3');
    });

    it('fails a stream the provider cut before finishing it', async () => {
      openai.onStreamChat = async function* () {
        yield { type: 'text-delta', delta: 'Hel' };
      };
      const failure = await failureOf((options) => collect(client.streamChat(hello(), options)));
      expectFailure(failure, Status.UNKNOWN, 'provider_error');
    });

    it('aborts the provider request when the client cancels mid-stream', async () => {
      let providerSignal: AbortSignal | undefined;
      let providerAborted: Promise<void> | undefined;
      openai.onStreamChat = async function* (call) {
        providerSignal = call.signal;
        providerAborted = abortOf(call.signal);
        yield { type: 'text-delta', delta: 'Once upon' };
        await providerAborted;
        throw new DOMException('This operation was aborted', 'AbortError');
      };
      const controller = new AbortController();
      const frames: StreamChatResponse[] = [];

      const error = await (async () => {
        for await (const frame of client.streamChat(hello(), { signal: controller.signal })) {
          frames.push(frame);
          controller.abort();
        }
      })().catch((e: unknown) => e);

      expect(isAbortError(error)).toBe(true);
      expect(frames).toEqual([{ textDelta: 'Once upon' }]);
      await providerAborted;
      expect(providerSignal?.aborted).toBe(true);
    });
  });

  describe('a deadline', () => {
    it('ends the call with DEADLINE_EXCEEDED and aborts the provider request', async () => {
      let providerAborted: Promise<void> | undefined;
      openai.onChat = async (call) => {
        providerAborted = abortOf(call.signal);
        await providerAborted;
        throw new DOMException('This operation was aborted', 'AbortError');
      };

      // nice-grpc's client has no deadline option of its own; grpc-js sends `grpc-timeout`.
      const code = await rawChatStatus(address, hello(), Date.now() + 200);

      expect(Status[code]).toBe('DEADLINE_EXCEEDED');
      await providerAborted;
      expect(openai.onlyCall().signal.aborted).toBe(true);
    });
  });

  describe('Embed', () => {
    it('maps the request to core and returns one vector per input', async () => {
      openai.onEmbed = async () => ({
        // Values a 32-bit float holds exactly.
        embeddings: [
          [0.5, -0.25, 1],
          [0, 0.125, -1],
        ],
        usage: { inputTokens: 4 },
        model: 'embed-test-v2',
        providerRequestId: 'req_embed',
      });

      const response = await client.embed({
        credentialId,
        model: 'embed-test',
        inputs: ['first text', 'second text'],
        dimensions: 3,
        inputType: EmbeddingInputType.EMBEDDING_INPUT_TYPE_QUERY,
        providerOptions: '{"truncate":"END"}',
      });

      expect(openai.onlyCall().request).toStrictEqual({
        model: 'embed-test',
        inputs: ['first text', 'second text'],
        dimensions: 3,
        inputType: 'query',
        providerOptions: { truncate: 'END' },
      });
      expect(response).toEqual({
        embeddings: [{ values: [0.5, -0.25, 1] }, { values: [0, 0.125, -1] }],
        usage: { inputTokens: 4 },
        model: 'embed-test-v2',
        providerRequestId: 'req_embed',
        metrics: { latencyMs: 1 },
      });
    });
  });

  describe('Rerank', () => {
    it('maps the request to core and returns the documents best first', async () => {
      openai.onRerank = async () => ({
        results: [
          { index: 2, relevanceScore: 0.91 },
          { index: 0, relevanceScore: 0.25 },
        ],
        usage: { searchUnits: 1 },
        model: 'rerank-test-v3',
      });

      const response = await client.rerank({
        credentialId,
        model: 'rerank-test',
        query: 'capital of Norway',
        documents: ['Bergen is rainy', 'Trondheim', 'Oslo is the capital'],
        topN: 2,
      });

      expect(openai.onlyCall().request).toStrictEqual({
        model: 'rerank-test',
        query: 'capital of Norway',
        documents: ['Bergen is rainy', 'Trondheim', 'Oslo is the capital'],
        topN: 2,
      });
      expect(response).toEqual({
        results: [
          { index: 2, relevanceScore: 0.91 },
          { index: 0, relevanceScore: 0.25 },
        ],
        usage: { searchUnits: 1 },
        model: 'rerank-test-v3',
        providerRequestId: '',
        metrics: { latencyMs: 1 },
      });
    });
  });

  describe('errors', () => {
    it.each([
      ['auth_failed', Status.FAILED_PRECONDITION, 'provider_auth_failed'],
      ['permission_denied', Status.PERMISSION_DENIED, 'provider_permission_denied'],
      ['invalid_request', Status.INVALID_ARGUMENT, 'provider_invalid_request'],
      ['unavailable', Status.UNAVAILABLE, 'provider_unavailable'],
      ['timeout', Status.DEADLINE_EXCEEDED, 'provider_timeout'],
      ['error', Status.UNKNOWN, 'provider_error'],
    ] as const)('answers a provider failure "%s" with %s', async (kind, status, errorCode) => {
      openai.onChat = async () => {
        throw new ProviderError(kind, 'openai', 'the provider said no');
      };
      const failure = await failureOf((options) => client.chat(hello(), options));
      expectFailure(failure, status, errorCode);
      expect(failure.details).toBe('openai: the provider said no');
      expect(failure.trailer?.get('retry-after')).toBeUndefined();
    });

    it('answers a rate limit with RESOURCE_EXHAUSTED and the seconds to wait in retry-after', async () => {
      openai.onEmbed = async () => {
        throw new ProviderError('rate_limited', 'openai', 'slow down', { retryAfterSeconds: 20 });
      };
      const failure = await failureOf((options) =>
        client.embed({ credentialId, model: 'embed-test', inputs: ['a'] }, options),
      );
      expectFailure(failure, Status.RESOURCE_EXHAUSTED, 'provider_rate_limited');
      expect(failure.trailer?.get('retry-after')).toBe('20');
    });

    it('answers a cancellation reported by the provider call with CANCELLED', async () => {
      openai.onRerank = async () => {
        throw new CancelledError();
      };
      const failure = await failureOf((options) =>
        client.rerank({ credentialId, model: 'r', query: 'q', documents: ['d'] }, options),
      );
      expectFailure(failure, Status.CANCELLED, 'cancelled');
    });

    it('answers what the credential provider cannot do with UNIMPLEMENTED', async () => {
      const failure = await failureOf((options) =>
        client.embed({ credentialId: chatOnlyCredentialId, model: 'embed-test', inputs: ['a'] }, options),
      );
      expectFailure(failure, Status.UNIMPLEMENTED, 'capability_unsupported');
      expect(failure.details).toBe('provider mistral does not support embeddings');
    });

    it.each<[string, Parameters<InferenceServiceClient['chat']>[0], string]>([
      ['an empty credential id', { ...HELLO, credentialId: '' }, 'credentialId'],
      ['a message without a role', { ...HELLO, messages: [{}] }, 'messages[0].role'],
      [
        'a tool result without its call id',
        { ...HELLO, messages: [{ user: { content: 'hi' } }, { tool: { content: 'x' } }] },
        'messages[1].toolCallId',
      ],
      [
        'user text and parts at once',
        { ...HELLO, messages: [{ user: { content: 'hi', parts: [{ text: 'hi' }] } }] },
        'messages[0].content',
      ],
      [
        'an image without url or data',
        { ...HELLO, messages: [{ user: { parts: [{ image: { mediaType: 'image/png' } }] } }] },
        'messages[0].content[0].url',
      ],
      [
        'an image of a bad media type',
        {
          ...HELLO,
          messages: [{ user: { parts: [{ image: { data: Buffer.from('x'), mediaType: 'text/html' } }] } }],
        },
        'messages[0].content[0].mediaType',
      ],
      [
        'tool parameters that are not JSON',
        { ...HELLO, tools: [{ name: 'f', parameters: '{"type":' }] },
        'tools[0].parameters',
      ],
      [
        'tool parameters that are not an object',
        { ...HELLO, tools: [{ name: 'f', parameters: '[]' }] },
        'tools[0].parameters',
      ],
      [
        'a tool choice naming no tool',
        { ...HELLO, toolChoice: { type: ToolChoiceType.TOOL_CHOICE_TYPE_TOOL, name: 'nope' } },
        'toolChoice.name',
      ],
      ['a tool choice without a type', { ...HELLO, toolChoice: {} }, 'toolChoice.type'],
      [
        'a JSON schema that is not JSON',
        {
          ...HELLO,
          responseFormat: {
            type: ResponseFormatType.RESPONSE_FORMAT_TYPE_JSON_SCHEMA,
            name: 'a',
            schema: 'x',
          },
        },
        'responseFormat.schema',
      ],
      ['provider options that are not an object', { ...HELLO, providerOptions: '"x"' }, 'providerOptions'],
      ['top_p out of range', { ...HELLO, topP: 1.5 }, 'topP'],
      [
        'an unknown reasoning effort',
        { ...HELLO, reasoningEffort: 99 as ReasoningEffort },
        'reasoningEffort',
      ],
    ])('refuses %s with INVALID_ARGUMENT naming the field', async (_case, request, field) => {
      const failure = await failureOf((options) => client.chat({ credentialId, ...request }, options));
      expectFailure(failure, Status.INVALID_ARGUMENT, 'invalid_argument', field);
      expect(openai.calls).toEqual([]);
    });

    it('refuses a bad stream request before the first frame', async () => {
      const failure = await failureOf((options) =>
        collect(client.streamChat({ ...hello(), messages: [] }, options)),
      );
      expectFailure(failure, Status.INVALID_ARGUMENT, 'invalid_argument', 'messages');
    });

    it('refuses bad embed and rerank requests naming the field', async () => {
      expectFailure(
        await failureOf((options) => client.embed({ credentialId, model: 'e', inputs: ['a', ''] }, options)),
        Status.INVALID_ARGUMENT,
        'invalid_argument',
        'inputs[1]',
      );
      expectFailure(
        await failureOf((options) =>
          client.rerank({ credentialId, model: 'r', query: 'q', documents: ['d'], topN: 0 }, options),
        ),
        Status.INVALID_ARGUMENT,
        'invalid_argument',
        'topN',
      );
      expect(openai.calls).toEqual([]);
    });

    it('answers a call without a token with UNAUTHENTICATED', async () => {
      const failure = await failureOf((options) => clientFor().chat(hello(), options));
      expectFailure(failure, Status.UNAUTHENTICATED, 'unauthenticated');
    });

    it('answers a token without the inference scope with PERMISSION_DENIED', async () => {
      const failure = await failureOf((options) => clientFor('no-inference').chat(hello(), options));
      expectFailure(failure, Status.PERMISSION_DENIED, 'permission_denied');
      expect(failure.details).toBe('the token lacks the scope inference');
      expect(openai.calls).toEqual([]);
    });

    it("answers another tenant's credential with NOT_FOUND, on streams too", async () => {
      const other = clientFor('other-tenant');
      expectFailure(
        await failureOf((options) => other.chat(hello(), options)),
        Status.NOT_FOUND,
        'not_found',
      );
      expectFailure(
        await failureOf((options) => collect(other.streamChat(hello(), options))),
        Status.NOT_FOUND,
        'not_found',
      );
      expect(openai.calls).toEqual([]);
    });
  });
});

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

/** Calls Chat with grpc-js's own client, which carries a deadline, and returns the status code. */
function rawChatStatus(
  address: string,
  request: Parameters<typeof ChatRequest.fromPartial>[0],
  deadline: number,
): Promise<number> {
  const raw = new GrpcClient(address, grpcCredentials.createInsecure());
  const metadata = new GrpcMetadata();
  metadata.set('authorization', 'Bearer caller');
  return new Promise<number>((resolve, reject) => {
    raw.makeUnaryRequest(
      '/integration.v1.InferenceService/Chat',
      (message: ChatRequest) => Buffer.from(ChatRequest.encode(message).finish()),
      (bytes: Buffer) => ChatResponse.decode(bytes),
      ChatRequest.fromPartial(request),
      metadata,
      { deadline },
      (error) => (error ? resolve(error.code) : reject(new Error('the call succeeded'))),
    );
  }).finally(() => raw.close());
}

import {
  MockProviderServer,
  chatCompletion,
  chatCompletionChunks,
  embeddingList,
  json,
  mistralErrorBody,
  namedEvent,
  openAIErrorBody,
  sse,
  type CompletionStyle,
  type MockHandler,
  type RecordedRequest,
} from '@integration-api/adapters-llm/testing';
import OpenAI, { AuthenticationError, NotFoundError, RateLimitError } from 'openai';
// The encoder is not part of the testing entry point; it sits beside the adapter's decoder.
import { encodeAwsBedrockEvent } from '../../../packages/adapters-llm/src/aws-bedrock/aws-bedrock-event-stream-encoder.js';
import { api, startHarness, type Harness } from './harness.js';
import {
  anthropicMessage,
  awsEventStream,
  converseAnswer,
  expectSigV4,
  googleAnswer,
  type AwsKey,
} from './provider-replies.js';

// The official `openai` package, unmodified but for `baseURL` and `apiKey`, against the running
// server: credentials of five providers stored (and verified against the mock) over the admin API,
// then streamed chat with a tool call round trip and usage in the last chunk, plain chat,
// embeddings (the SDK's default base64), errors as the SDK's classes, the model list, and a client
// that gives up mid-stream. Each upstream request is checked in the provider's own format.

const QUESTION = 'Weather in Oslo?';
const ANSWER = 'It is 3°C in Oslo.';
const PIECES = ['It is ', '3°C', ' in Oslo.'];
const TOOL_RESULT = '{"celsius":3}';
const WEATHER_PARAMETERS = {
  type: 'object',
  properties: { city: { type: 'string' } },
  required: ['city'],
};
const WEATHER_TOOL: OpenAI.ChatCompletionTool = {
  type: 'function',
  function: { name: 'weather', description: 'Current weather in a city', parameters: WEATHER_PARAMETERS },
};
/** Exact in 32-bit floats, so the base64 the SDK decodes gives them back unchanged. */
const VECTORS = [
  [0.5, -0.25, 0.125],
  [-0.75, 0.0625, 1],
];
const RETRY_AFTER = '7';

// Every mock reply follows the same script, in each provider's format:
// - a streamed call of weather({"city":"Oslo"}) with usage 20 in / 8 out;
// - streamed text PIECES with usage 12 / 6 (silent after the first piece with `hang`);
// - a plain ANSWER with usage 35 / 9.
const TOOL_USAGE = { prompt_tokens: 20, completion_tokens: 8, total_tokens: 28 };
const STREAM_USAGE = { prompt_tokens: 12, completion_tokens: 6, total_tokens: 18 };
const TEXT_USAGE = { prompt_tokens: 35, completion_tokens: 9, total_tokens: 44 };

type Body = Record<string, unknown> & { messages?: unknown[]; contents?: unknown[] };

interface ChatCase {
  /** The provider's model, the part of `model` after the credential. */
  readonly model: string;
  /** The model a plain answer names (the provider's, e.g. a dated version). */
  readonly answeredBy: string;
  readonly path: string;
  readonly streamPath: string;
  /** Query the streaming request must carry (Gemini's `alt=sse`). */
  readonly streamQuery?: Record<string, string>;
  readonly toolCallStream: MockHandler;
  /** The id the gateway gives the call. */
  readonly callId: string;
  readonly textStream: (hang: boolean) => MockHandler;
  readonly textReply: MockHandler;
  /** Part of the first request body: the declared tool, in the provider's format. */
  readonly toolsSent: Record<string, unknown>;
  /** Checks the second request carries the call and its result, in the provider's format. */
  readonly expectResultSent: (body: Body, callId: string) => void;
  /** A 429 with `retry-after: RETRY_AFTER`, as the provider sends it. */
  readonly rateLimited: MockHandler;
}

interface EmbedCase {
  readonly model: string;
  readonly path: string;
  /** Answers VECTORS for the inputs `first` and `second` (one call, or one per input). */
  readonly reply: MockHandler;
  readonly calls: number;
  readonly promptTokens: number;
  readonly expectBody?: (body: Body) => void;
}

interface ProviderCase {
  /** The credential's name: the part of `model` before the `/`. */
  readonly name: string;
  readonly provider: string;
  readonly secret: string | Record<string, string>;
  /** Secret values that must never reach the client. */
  readonly secretValues: readonly string[];
  readonly config: (mock: MockProviderServer) => Record<string, string>;
  readonly verify: { readonly method: string; readonly path: string; readonly reply: MockHandler };
  /** Asserts a request carries the stored secret as the provider expects it. */
  readonly expectAuth: (request: RecordedRequest) => void;
  readonly chat?: ChatCase;
  readonly embed?: EmbedCase;
}

// ---- OpenAI and Mistral: the chat-completions wire format, in its two variants ----

function completionsChat(style: CompletionStyle, model: string, answeredBy: string, path: string): ChatCase {
  return {
    model,
    answeredBy,
    path,
    streamPath: path,
    toolCallStream: sse(
      chatCompletionChunks({
        model: answeredBy,
        style,
        toolCalls: [{ id: 'call_e2e_w1', name: 'weather', fragments: ['{"city":', '"Oslo"}'] }],
        usage: { prompt: 20, completion: 8 },
      }),
    ),
    callId: 'call_e2e_w1',
    // The role chunk, the first piece, then silence.
    textStream: (hang) =>
      sse(
        chatCompletionChunks({
          model: answeredBy,
          style,
          text: PIECES,
          usage: { prompt: 12, completion: 6 },
        }),
        {
          ...(hang ? { hangAfter: 2 } : {}),
        },
      ),
    textReply: json(
      200,
      chatCompletion({ model: answeredBy, style, text: ANSWER, usage: { prompt: 35, completion: 9 } }),
    ),
    toolsSent: {
      tools: [{ type: 'function', function: { name: 'weather', parameters: WEATHER_PARAMETERS } }],
    },
    expectResultSent: (body, callId) => {
      expect(body.messages!.at(-2)).toMatchObject({
        role: 'assistant',
        tool_calls: [{ id: callId, function: { name: 'weather', arguments: '{"city":"Oslo"}' } }],
      });
      expect(body.messages!.at(-1)).toMatchObject({
        role: 'tool',
        tool_call_id: callId,
        content: TOOL_RESULT,
      });
    },
    rateLimited: json(
      429,
      style === 'mistral'
        ? mistralErrorBody('Requests rate limit exceeded', 'rate_limited')
        : openAIErrorBody('Rate limit reached for requests', {
            type: 'requests',
            code: 'rate_limit_exceeded',
          }),
      { 'retry-after': RETRY_AFTER },
    ),
  };
}

const OPENAI_KEY = 'sk-e2e-openai-sdk-0000000000000001';
const OPENAI: ProviderCase = {
  name: 'main',
  provider: 'openai',
  secret: OPENAI_KEY,
  secretValues: [OPENAI_KEY],
  config: (mock) => ({ baseUrl: mock.urlFor('/openai/v1') }),
  verify: { method: 'GET', path: '/openai/v1/models', reply: json(200, { object: 'list', data: [] }) },
  expectAuth: (request) => expect(request.headers.authorization).toBe(`Bearer ${OPENAI_KEY}`),
  chat: completionsChat('openai', 'gpt-4o', 'gpt-4o-2024-08-06', '/openai/v1/chat/completions'),
  embed: {
    model: 'text-embedding-3-small',
    path: '/openai/v1/embeddings',
    reply: json(200, embeddingList(VECTORS, { model: 'text-embedding-3-small', promptTokens: 7 })),
    calls: 1,
    promptTokens: 7,
    // The client asked for base64; the provider is asked for floats, which the gateway encodes.
    expectBody: (body) =>
      expect(body).toEqual({
        model: 'text-embedding-3-small',
        input: ['first', 'second'],
        encoding_format: 'float',
      }),
  },
};

const MISTRAL_KEY = 'mistral-e2e-openai-sdk-00000000003';
const MISTRAL: ProviderCase = {
  name: 'mistral',
  provider: 'mistral',
  secret: MISTRAL_KEY,
  secretValues: [MISTRAL_KEY],
  config: (mock) => ({ baseUrl: mock.urlFor('/mistral/v1') }),
  verify: { method: 'GET', path: '/mistral/v1/models', reply: json(200, { object: 'list', data: [] }) },
  expectAuth: (request) => expect(request.headers.authorization).toBe(`Bearer ${MISTRAL_KEY}`),
  // Mistral streams each tool call whole in the finishing chunk, with the usage.
  chat: completionsChat(
    'mistral',
    'mistral-large-latest',
    'mistral-large-2411',
    '/mistral/v1/chat/completions',
  ),
  embed: {
    model: 'mistral-embed',
    path: '/mistral/v1/embeddings',
    reply: json(200, embeddingList(VECTORS, { model: 'mistral-embed', promptTokens: 5 })),
    calls: 1,
    promptTokens: 5,
    expectBody: (body) => expect(body).toMatchObject({ model: 'mistral-embed', input: ['first', 'second'] }),
  },
};

// ---- Anthropic ----

const ANTHROPIC_KEY = 'sk-ant-api03-e2e-openai-sdk-0123456789';
const anthropicEvents = (events: Array<{ type: string } & Record<string, unknown>>, hangAfter?: number) =>
  sse(
    events.map((event) => namedEvent(event.type, event)),
    { done: false, ...(hangAfter !== undefined ? { hangAfter } : {}) },
  );
const anthropicStart = (inputTokens: number) => ({
  type: 'message_start',
  message: {
    id: 'msg_e2e_stream',
    type: 'message',
    role: 'assistant',
    model: 'claude-sonnet-4-5-20250929',
    content: [],
    stop_reason: null,
    usage: { input_tokens: inputTokens, output_tokens: 1 },
  },
});
const anthropicEnd = (stopReason: string, outputTokens: number) => [
  { type: 'message_delta', delta: { stop_reason: stopReason }, usage: { output_tokens: outputTokens } },
  { type: 'message_stop' },
];

const ANTHROPIC: ProviderCase = {
  name: 'claude',
  provider: 'anthropic',
  secret: ANTHROPIC_KEY,
  secretValues: [ANTHROPIC_KEY],
  config: (mock) => ({ baseUrl: mock.urlFor('/anthropic/v1') }),
  verify: { method: 'GET', path: '/anthropic/v1/models', reply: json(200, { data: [], has_more: false }) },
  expectAuth: (request) => {
    expect(request.headers).toMatchObject({ 'x-api-key': ANTHROPIC_KEY, 'anthropic-version': '2023-06-01' });
    expect(request.headers).not.toHaveProperty('authorization');
  },
  chat: {
    model: 'claude-sonnet-4-5',
    answeredBy: 'claude-sonnet-4-5-20250929',
    path: '/anthropic/v1/messages',
    streamPath: '/anthropic/v1/messages',
    toolCallStream: anthropicEvents([
      anthropicStart(20),
      {
        type: 'content_block_start',
        index: 0,
        content_block: { type: 'tool_use', id: 'toolu_e2e_01', name: 'weather', input: {} },
      },
      { type: 'ping' },
      ...['{"city":', '"Oslo"}'].map((partial_json) => ({
        type: 'content_block_delta',
        index: 0,
        delta: { type: 'input_json_delta', partial_json },
      })),
      { type: 'content_block_stop', index: 0 },
      ...anthropicEnd('tool_use', 8),
    ]),
    callId: 'toolu_e2e_01',
    textStream: (hang) =>
      anthropicEvents(
        [
          anthropicStart(12),
          { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
          ...PIECES.map((text) => ({
            type: 'content_block_delta',
            index: 0,
            delta: { type: 'text_delta', text },
          })),
          { type: 'content_block_stop', index: 0 },
          ...anthropicEnd('end_turn', 6),
        ],
        hang ? 3 : undefined,
      ),
    textReply: anthropicMessage([{ type: 'text', text: ANSWER }], 'end_turn', [35, 9]),
    toolsSent: { stream: true, tools: [{ name: 'weather', input_schema: WEATHER_PARAMETERS }] },
    expectResultSent: (body, callId) =>
      expect(body.messages!.slice(-2)).toEqual([
        {
          role: 'assistant',
          content: [{ type: 'tool_use', id: callId, name: 'weather', input: { city: 'Oslo' } }],
        },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: callId, content: TOOL_RESULT }] },
      ]),
    rateLimited: json(
      429,
      {
        type: 'error',
        error: { type: 'rate_limit_error', message: 'Number of requests has exceeded your rate limit' },
      },
      { 'retry-after': RETRY_AFTER },
    ),
  },
};

// ---- Google Gemini API ----

const GEMINI_KEY = 'AIzaSyE2E-openai-sdk-0123456789abcdefgh';
const GEMINI_MODELS = '/gemini/v1beta/models';
const GEMINI: ProviderCase = {
  name: 'gemini',
  provider: 'google-gemini',
  secret: GEMINI_KEY,
  secretValues: [GEMINI_KEY],
  config: (mock) => ({ baseUrl: mock.urlFor('/gemini/v1beta') }),
  verify: { method: 'GET', path: GEMINI_MODELS, reply: json(200, { models: [] }) },
  expectAuth: (request) => {
    expect(request.headers['x-goog-api-key']).toBe(GEMINI_KEY);
    expect(request.query).not.toHaveProperty('key');
  },
  chat: {
    model: 'gemini-2.5-flash',
    answeredBy: 'gemini-2.5-flash',
    path: `${GEMINI_MODELS}/gemini-2.5-flash:generateContent`,
    streamPath: `${GEMINI_MODELS}/gemini-2.5-flash:streamGenerateContent`,
    streamQuery: { alt: 'sse' },
    // Gemini sends each call whole and without an id: the gateway makes one from the response id.
    toolCallStream: sse(
      [
        googleAnswer(
          [{ functionCall: { name: 'weather', args: { city: 'Oslo' } } }],
          'STOP',
          [20, 8],
          'e2eCall',
        ),
      ],
      { done: false },
    ),
    callId: 'call_e2eCall_0',
    textStream: (hang) =>
      sse(
        [
          googleAnswer([{ text: PIECES[0] }], undefined),
          googleAnswer([{ text: PIECES[1] }], undefined),
          googleAnswer([{ text: PIECES[2] }], 'STOP', [12, 6]),
        ],
        { done: false, ...(hang ? { hangAfter: 1 } : {}) },
      ),
    textReply: json(200, googleAnswer([{ text: ANSWER }], 'STOP', [35, 9])),
    toolsSent: {
      tools: [{ functionDeclarations: [{ name: 'weather', description: 'Current weather in a city' }] }],
    },
    expectResultSent: (body) =>
      expect(body.contents!.slice(-2)).toEqual([
        { role: 'model', parts: [{ functionCall: { name: 'weather', args: { city: 'Oslo' } } }] },
        {
          role: 'user',
          parts: [{ functionResponse: { name: 'weather', response: { output: { celsius: 3 } } } }],
        },
      ]),
    rateLimited: json(
      429,
      {
        error: {
          code: 429,
          message: 'Resource has been exhausted (e.g. check quota).',
          status: 'RESOURCE_EXHAUSTED',
        },
      },
      { 'retry-after': RETRY_AFTER },
    ),
  },
  embed: {
    model: 'gemini-embedding-001',
    path: `${GEMINI_MODELS}/gemini-embedding-001:batchEmbedContents`,
    reply: json(200, { embeddings: VECTORS.map((values) => ({ values })) }),
    calls: 1,
    promptTokens: 0,
    expectBody: (body) =>
      expect(body).toEqual({
        requests: ['first', 'second'].map((text) => ({
          model: 'models/gemini-embedding-001',
          content: { parts: [{ text }] },
        })),
      }),
  },
};

// ---- AWS Bedrock ----

const AWS: AwsKey = {
  accessKeyId: 'AKIAE2EOPENAISDK0001',
  secretAccessKey: 'e2eOpenAiSdkSecretKey/0123456789+abcdefghij',
  region: 'eu-west-1',
};
const BEDROCK_MODEL = 'anthropic.claude-3-5-haiku-20241022-v1:0';
const TITAN_MODEL = 'amazon.titan-embed-text-v2:0';
const bedrockModelPath = (model: string, operation: string) =>
  `/bedrock/model/${encodeURIComponent(model)}/${operation}`;
const bedrockStream = (frames: Uint8Array[], hangAfter?: number) =>
  awsEventStream(frames, { 'x-amzn-requestid': 'e2e-openai-sdk-request' }, hangAfter);
const bedrockEnd = (stopReason: string, usage: [number, number]) => [
  encodeAwsBedrockEvent('messageStop', { stopReason }),
  encodeAwsBedrockEvent('metadata', {
    usage: { inputTokens: usage[0], outputTokens: usage[1], totalTokens: usage[0] + usage[1] },
    metrics: { latencyMs: 250 },
  }),
];
/** Titan embeds one text per call: each call gets the vector of its text. */
const titanEmbedding: MockHandler = (request, response, context) => {
  const { inputText } = request.json as { inputText: string };
  const vector = VECTORS[['first', 'second'].indexOf(inputText)];
  return json(200, { embedding: vector, inputTextTokenCount: 3 })(request, response, context);
};

const BEDROCK: ProviderCase = {
  name: 'bedrock',
  provider: 'aws-bedrock',
  secret: { accessKeyId: AWS.accessKeyId, secretAccessKey: AWS.secretAccessKey },
  secretValues: [AWS.secretAccessKey],
  config: (mock) => ({ region: AWS.region, baseUrl: mock.urlFor('/bedrock') }),
  verify: { method: 'GET', path: '/bedrock/foundation-models', reply: json(200, { modelSummaries: [] }) },
  expectAuth: (request) => expectSigV4(request, AWS),
  chat: {
    model: BEDROCK_MODEL,
    answeredBy: BEDROCK_MODEL,
    path: bedrockModelPath(BEDROCK_MODEL, 'converse'),
    streamPath: bedrockModelPath(BEDROCK_MODEL, 'converse-stream'),
    toolCallStream: bedrockStream([
      encodeAwsBedrockEvent('messageStart', { role: 'assistant' }),
      encodeAwsBedrockEvent('contentBlockStart', {
        contentBlockIndex: 0,
        start: { toolUse: { toolUseId: 'tooluse_e2e01', name: 'weather' } },
      }),
      ...['{"city":', '"Oslo"}'].map((input) =>
        encodeAwsBedrockEvent('contentBlockDelta', { contentBlockIndex: 0, delta: { toolUse: { input } } }),
      ),
      encodeAwsBedrockEvent('contentBlockStop', { contentBlockIndex: 0 }),
      ...bedrockEnd('tool_use', [20, 8]),
    ]),
    callId: 'tooluse_e2e01',
    textStream: (hang) =>
      bedrockStream(
        [
          encodeAwsBedrockEvent('messageStart', { role: 'assistant' }),
          ...PIECES.map((text) =>
            encodeAwsBedrockEvent('contentBlockDelta', { contentBlockIndex: 0, delta: { text } }),
          ),
          encodeAwsBedrockEvent('contentBlockStop', { contentBlockIndex: 0 }),
          ...bedrockEnd('end_turn', [12, 6]),
        ],
        hang ? 2 : undefined,
      ),
    textReply: converseAnswer([{ text: ANSWER }], 'end_turn', [35, 9]),
    toolsSent: {
      toolConfig: { tools: [{ toolSpec: { name: 'weather', inputSchema: { json: WEATHER_PARAMETERS } } }] },
    },
    expectResultSent: (body, callId) =>
      expect(body.messages!.slice(-2)).toEqual([
        {
          role: 'assistant',
          content: [{ toolUse: { toolUseId: callId, name: 'weather', input: { city: 'Oslo' } } }],
        },
        { role: 'user', content: [{ toolResult: { toolUseId: callId, content: [{ text: TOOL_RESULT }] } }] },
      ]),
    rateLimited: json(
      429,
      { message: 'Too many requests, please wait before trying again.' },
      {
        'x-amzn-errortype': 'ThrottlingException:http://internal.amazon.com/coral/com.amazon.bedrock/',
        'retry-after': RETRY_AFTER,
      },
    ),
  },
  embed: {
    model: TITAN_MODEL,
    path: bedrockModelPath(TITAN_MODEL, 'invoke'),
    reply: titanEmbedding,
    calls: 2,
    promptTokens: 6,
    expectBody: (body) => expect(Object.keys(body)).toEqual(['inputText']),
  },
};

// ---- Cohere (embeddings here; its chat is covered through gRPC) ----

const COHERE_KEY = 'co-e2e-openai-sdk-0123456789abcdefghijk';
const COHERE: ProviderCase = {
  name: 'cohere',
  provider: 'cohere',
  secret: COHERE_KEY,
  secretValues: [COHERE_KEY],
  config: (mock) => ({ baseUrl: mock.urlFor('/cohere') }),
  verify: {
    method: 'POST',
    path: '/cohere/v1/check-api-key',
    reply: json(200, { valid: true, organization_id: 'org-e2e', owner_id: 'owner-e2e' }),
  },
  expectAuth: (request) => expect(request.headers.authorization).toBe(`Bearer ${COHERE_KEY}`),
  embed: {
    model: 'embed-v4.0',
    path: '/cohere/v2/embed',
    reply: json(200, {
      id: 'cohere-e2e-embed',
      texts: ['first', 'second'],
      embeddings: { float: VECTORS },
      meta: { api_version: { version: '2' }, billed_units: { input_tokens: 4 } },
      response_type: 'embeddings_by_type',
    }),
    calls: 1,
    promptTokens: 4,
    // No input type asked: text to be stored, Cohere's default for retrieval.
    expectBody: (body) =>
      expect(body).toEqual({
        model: 'embed-v4.0',
        texts: ['first', 'second'],
        input_type: 'search_document',
        embedding_types: ['float'],
      }),
  },
};

const CASES: readonly ProviderCase[] = [OPENAI, ANTHROPIC, GEMINI, BEDROCK, MISTRAL, COHERE];

describe('the official openai SDK against the OpenAI-compatible API', () => {
  let harness: Harness;
  let mock: MockProviderServer;
  /** A token with only the inference scope: enough for every OpenAI route. */
  let inferenceToken: string;
  let client: OpenAI;

  beforeAll(async () => {
    mock = await MockProviderServer.start();
    harness = await startHarness();
    const adminToken = await harness.token();
    inferenceToken = await harness.token({ scopes: ['inference'] });
    // Exactly what a user changes: baseURL and apiKey. No retries, so a 429 reaches the test.
    client = new OpenAI({ baseURL: `${harness.baseUrl}/v1`, apiKey: inferenceToken, maxRetries: 0 });

    for (const c of CASES) {
      mock.reset();
      mock.route(c.verify.method, c.verify.path, c.verify.reply);
      const created = await api(harness, adminToken, 'POST', '/v1/credentials', {
        provider: c.provider,
        name: c.name,
        secret: c.secret,
        config: c.config(mock),
      });
      expect(created.status).toBe(201);
      expect(created.json).toMatchObject({ provider: c.provider, name: c.name, status: 'active' });
      for (const value of c.secretValues) expect(created.text).not.toContain(value);
      expect(mock.requests).toHaveLength(1);
      c.expectAuth(mock.requests[0]!);
    }
  });
  afterAll(async () => {
    await harness?.stop();
    await mock?.close();
  });
  beforeEach(() => mock.reset());

  const sentTo = (path: string) => mock.requests.filter((r) => r.method === 'POST' && r.path === path);

  describe.each(CASES.filter((c) => c.chat))('chat with the $provider credential', (c) => {
    const chat = c.chat!;
    const model = `${c.name}/${chat.model}`;

    it('streams a tool call the SDK reassembles, then the tool result round trip, usage last', async () => {
      mock.route('POST', chat.streamPath, chat.toolCallStream, { times: 1 });
      const chunks: OpenAI.ChatCompletionChunk[] = [];
      const runner = client.chat.completions
        .stream({
          model,
          messages: [{ role: 'user', content: QUESTION }],
          tools: [WEATHER_TOOL],
          stream_options: { include_usage: true },
        })
        .on('chunk', (chunk) => chunks.push(chunk));
      const first = await runner.finalChatCompletion();

      const choice = first.choices[0]!;
      expect(choice.finish_reason).toBe('tool_calls');
      expect(choice.message.content).toBeNull();
      expect(choice.message.tool_calls).toEqual([
        expect.objectContaining({
          id: chat.callId,
          type: 'function',
          function: expect.objectContaining({ name: 'weather', arguments: '{"city":"Oslo"}' }),
        }),
      ]);
      expect(first.usage).toMatchObject(TOOL_USAGE);
      // On the wire: the call's id and name first with empty arguments, then argument fragments.
      const toolDeltas = chunks.flatMap((chunk) => chunk.choices[0]?.delta.tool_calls ?? []);
      expect(toolDeltas[0]).toEqual({
        index: 0,
        id: chat.callId,
        type: 'function',
        function: { name: 'weather', arguments: '' },
      });
      expect(toolDeltas.map((delta) => delta.function?.arguments).join('')).toBe('{"city":"Oslo"}');
      // Usage comes once, in a last chunk without choices; every chunk before it says null.
      expect(chunks.at(-1)).toMatchObject({ choices: [], usage: TOOL_USAGE });
      expect(chunks.slice(0, -1).every((chunk) => chunk.usage === null)).toBe(true);
      expect(chunks.every((chunk) => chunk.model === model)).toBe(true);

      const [asked] = sentTo(chat.streamPath);
      c.expectAuth(asked!);
      expect(asked!.json).toMatchObject(chat.toolsSent);
      if (chat.streamQuery) expect(asked!.query).toMatchObject(chat.streamQuery);

      // The SDK's own message goes back as is, as OpenAI's examples do.
      mock.route('POST', chat.streamPath, chat.textStream(false), { times: 1 });
      const { data: stream, response } = await client.chat.completions
        .create({
          model,
          messages: [
            { role: 'user', content: QUESTION },
            choice.message,
            { role: 'tool', tool_call_id: chat.callId, content: TOOL_RESULT },
          ],
          tools: [WEATHER_TOOL],
          stream: true,
          stream_options: { include_usage: true },
        })
        .withResponse();
      // Streamed, the overhead follows the body as a trailer, which fetch does not expose.
      expect(response.headers.get('trailer')).toBe('x-integration-overhead-ms');
      const answer: OpenAI.ChatCompletionChunk[] = [];
      for await (const chunk of stream) answer.push(chunk);

      expect(answer[0]!.choices[0]!.delta).toEqual({ role: 'assistant', content: '' });
      const text = answer.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('');
      expect(text).toBe(ANSWER);
      expect(answer.at(-2)!.choices[0]).toMatchObject({ delta: {}, finish_reason: 'stop' });
      expect(answer.at(-1)).toMatchObject({ choices: [], usage: STREAM_USAGE });

      const sent = sentTo(chat.streamPath);
      expect(sent).toHaveLength(2);
      c.expectAuth(sent[1]!);
      chat.expectResultSent(sent[1]!.json as Body, chat.callId);
    });

    it('answers a plain chat with usage and the overhead header', async () => {
      mock.route('POST', chat.path, chat.textReply);
      const { data, response } = await client.chat.completions
        .create({ model, messages: [{ role: 'user', content: QUESTION }] })
        .withResponse();

      expect(data).toMatchObject({
        object: 'chat.completion',
        model: `${c.name}/${chat.answeredBy}`,
        choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: ANSWER } }],
        usage: TEXT_USAGE,
      });
      expect(data.id).toMatch(/^chatcmpl-/);
      expect(response.headers.get('x-integration-overhead-ms')).toMatch(/^\d+(\.\d)?$/);
      const sent = sentTo(chat.path);
      expect(sent).toHaveLength(1);
      c.expectAuth(sent[0]!);
    });

    it('closes the upstream stream when the client aborts mid-answer', async () => {
      mock.route('POST', chat.streamPath, chat.textStream(true));
      const controller = new AbortController();
      const stream = await client.chat.completions.create(
        { model, messages: [{ role: 'user', content: QUESTION }], stream: true },
        { signal: controller.signal },
      );
      const received: string[] = [];
      // The SDK ends the iteration quietly once the signal aborted the request.
      for await (const chunk of stream) {
        const piece = chunk.choices[0]?.delta.content;
        if (piece) {
          received.push(piece);
          controller.abort();
        }
      }
      expect(received).toEqual([PIECES[0]]);
      const index = mock.requests.findIndex((r) => r.path === chat.streamPath);
      expect(await mock.responseEnd(index)).toBe('closed-early');
    });

    it('throws RateLimitError with Retry-After when the provider rate-limits, streamed or not', async () => {
      mock.route('POST', chat.path, chat.rateLimited);
      mock.route('POST', chat.streamPath, chat.rateLimited);
      const plain = await client.chat.completions
        .create({ model, messages: [{ role: 'user', content: QUESTION }] })
        .catch((error: unknown) => error);
      const streamed = await client.chat.completions
        .create({ model, messages: [{ role: 'user', content: QUESTION }], stream: true })
        .catch((error: unknown) => error);

      for (const error of [plain, streamed]) {
        expect(error).toBeInstanceOf(RateLimitError);
        const rateLimit = error as RateLimitError;
        expect(rateLimit).toMatchObject({
          status: 429,
          type: 'rate_limit_error',
          code: 'rate_limit_exceeded',
        });
        expect(rateLimit.headers.get('retry-after')).toBe(RETRY_AFTER);
        for (const value of c.secretValues) expect(rateLimit.message).not.toContain(value);
      }
      // maxRetries 0: one upstream call per request, no retry by the gateway either.
      expect(mock.requests).toHaveLength(2);
    });
  });

  describe.each(CASES.filter((c) => c.embed))('embeddings with the $provider credential', (c) => {
    const embed = c.embed!;

    it('embeds through client.embeddings.create (base64 by default)', async () => {
      mock.route('POST', embed.path, embed.reply);
      const { data, response } = await client.embeddings
        .create({ model: `${c.name}/${embed.model}`, input: ['first', 'second'] })
        .withResponse();

      expect(data.object).toBe('list');
      expect(data.model).toBe(`${c.name}/${embed.model}`);
      expect(data.data.map((item) => item.index)).toEqual([0, 1]);
      expect(data.data.map((item) => item.embedding)).toEqual(VECTORS);
      expect(data.usage).toEqual({ prompt_tokens: embed.promptTokens, total_tokens: embed.promptTokens });
      expect(response.headers.get('x-integration-overhead-ms')).toMatch(/^\d+(\.\d)?$/);

      const sent = sentTo(embed.path);
      expect(sent).toHaveLength(embed.calls);
      for (const request of sent) {
        c.expectAuth(request);
        embed.expectBody?.(request.json as Body);
      }
    });
  });

  it('embeds in floats when the client asks for them', async () => {
    mock.route('POST', OPENAI.embed!.path, OPENAI.embed!.reply);
    const result = await client.embeddings.create({
      model: `main/${OPENAI.embed!.model}`,
      input: ['first', 'second'],
      encoding_format: 'float',
    });
    expect(result.data.map((item) => item.embedding)).toEqual(VECTORS);
  });

  it('lists the credentials of the tenant as models, and only theirs', async () => {
    const models = [];
    for await (const model of client.models.list()) models.push(model);
    expect(models).toEqual(
      CASES.map((c) => ({ id: c.name, object: 'model', created: expect.any(Number), owned_by: c.provider })),
    );

    const other = new OpenAI({
      baseURL: `${harness.baseUrl}/v1`,
      apiKey: await harness.token({ project: 'proj-other', scopes: ['inference'] }),
      maxRetries: 0,
    });
    expect((await other.models.list()).data).toEqual([]);
    expect(mock.requests).toHaveLength(0);
  });

  it('retrieves one model by credential and provider model', async () => {
    const model = await client.models.retrieve('main/gpt-4o');
    expect(model).toMatchObject({ id: 'main/gpt-4o', object: 'model', owned_by: 'openai' });
  });

  it('throws NotFoundError for a credential name the tenant does not have', async () => {
    const failures = await Promise.all([
      client.chat.completions
        .create({ model: 'nope/gpt-4o', messages: [{ role: 'user', content: QUESTION }] })
        .catch((error: unknown) => error),
      client.chat.completions
        .create({ model: 'nope/gpt-4o', messages: [{ role: 'user', content: QUESTION }], stream: true })
        .catch((error: unknown) => error),
      client.embeddings
        .create({ model: 'nope/text-embedding-3-small', input: 'first' })
        .catch((error: unknown) => error),
      client.models.retrieve('nope').catch((error: unknown) => error),
    ]);
    for (const error of failures) {
      expect(error).toBeInstanceOf(NotFoundError);
      expect(error).toMatchObject({ status: 404, code: 'model_not_found', param: 'model' });
    }
    expect(mock.requests).toHaveLength(0);
  });

  it('throws AuthenticationError for an API key that is no service token', async () => {
    const stranger = new OpenAI({ baseURL: `${harness.baseUrl}/v1`, apiKey: OPENAI_KEY, maxRetries: 0 });
    const error = await stranger.models.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 401, code: 'invalid_api_key' });
  });

  // Declared last, so it reads the log of every test above: aborted streams and provider 429s are
  // the callers' business (debug level at most), and no secret was ever written.
  it('logs no warning, no error and no secret for anything above', () => {
    const entries = harness.logLines.map((line) => JSON.parse(line) as { level: number; msg?: string });
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.filter((entry) => entry.level >= 40)).toEqual([]);
    const log = harness.logLines.join('');
    for (const value of CASES.flatMap((c) => c.secretValues)) expect(log).not.toContain(value);
  });
});

import { generateKeyPairSync, verify as verifySignature } from 'node:crypto';
import {
  MockProviderServer,
  json,
  namedEvent,
  sse,
  type MockHandler,
  type RecordedRequest,
} from '@integration-api/adapters-llm/testing';
import {
  EmbeddingInputType,
  FinishReason,
  type InferenceServiceClient,
  type StreamChatResponse,
  type Usage,
} from '@integration-api/transport-grpc';
import { Status } from 'nice-grpc';
// The encoder is not part of the testing entry point; it sits beside the adapter's decoder.
import { encodeAwsBedrockEvent } from '../../../packages/adapters-llm/src/aws-bedrock/aws-bedrock-event-stream-encoder.js';
import { api, startHarness, type Harness } from './harness.js';
import {
  BEDROCK_REQUEST_ID,
  anthropicMessage,
  awsEventStream,
  converseAnswer,
  expectSigV4,
  googleAnswer,
} from './provider-replies.js';

// Every non-OpenAI-compatible provider end to end: a credential stored over the REST admin API is
// verified against the mock provider, then used through gRPC on the same port (chat with a tool
// call round trip, streaming with usage in the final frame, embeddings, rerank), each request
// checked for its path and for the provider's way of authenticating.

const WEATHER_TOOL = {
  name: 'weather',
  description: 'Current weather in a city',
  parameters: JSON.stringify({
    type: 'object',
    properties: { city: { type: 'string' } },
    required: ['city'],
  }),
};
const QUESTION = 'Weather in Oslo?';
const ANSWER = 'It is 3°C in Oslo.';
const PIECES = ['It is ', '3°C', ' in Oslo.'];
const TOOL_RESULT = '{"celsius":3}';
/** Exact in 32-bit floats, so vectors come back through protobuf unchanged. */
const VECTORS = [
  [0.5, -0.25, 0.125],
  [-0.75, 0.0625, 1],
];
const DOCUMENTS = ['Oslo is cold in March.', 'Paris has museums.', 'Oslo weather today: 3°C.'];

type Body = Record<string, unknown> & { messages?: unknown[]; contents?: unknown[] };

interface ToolRoundTrip {
  /** The answer asking for `weather({"city":"Oslo"})`. */
  readonly callReply: MockHandler;
  /** The id the gateway gives that call. */
  readonly callId: string;
  /** Part of the first request body: the declared tool in the provider's format. */
  readonly sentTools: Record<string, unknown>;
  /** Checks the second request body carries the call and its result in the provider's format. */
  readonly expectResultSent: (body: Body, callId: string) => void;
}

interface ChatCase {
  readonly model: string;
  readonly path: string;
  /** The final answer: ANSWER, with `usage`. */
  readonly textReply: MockHandler;
  readonly usage: Partial<Usage>;
  readonly tools?: ToolRoundTrip;
  /** Other checks on the chat request (headers, body). */
  readonly expectRequest?: (request: RecordedRequest) => void;
}

/** `hang`: the stream goes silent after the first text piece, keeping the connection open. */
interface StreamOptions {
  readonly hang?: boolean;
}

interface StreamCase {
  readonly path: string;
  /** Extra routes a stream needs (Replicate's stream URL and prediction read). */
  readonly routes?: (mock: MockProviderServer, options: StreamOptions) => void;
  /** Answers the POST to `path`: streams PIECES with `usage`. */
  readonly reply: (mock: MockProviderServer, options: StreamOptions) => MockHandler;
  /** The request whose response carries the events; default the POST to `path`. */
  readonly eventsFrom?: { readonly method: string; readonly path: string };
  /** A request the provider must receive when the caller gives up (Replicate's cancel). */
  readonly cancelRequest?: { readonly method: string; readonly path: string; readonly reply: MockHandler };
  readonly usage: Partial<Usage>;
}

interface EmbedCase {
  readonly model: string;
  readonly path: string;
  /** Answers VECTORS (one call, or one per input). */
  readonly reply: MockHandler;
  readonly calls: number;
  readonly usage: Partial<Usage>;
  /** Checks the body of an embedding request (asked with the QUERY input type). */
  readonly expectBody: (body: Body) => void;
}

interface RerankCase {
  readonly model: string;
  readonly path: string;
  /** Ranks DOCUMENTS 2, then 0. */
  readonly reply: MockHandler;
  readonly usage: Record<string, number>;
  readonly expectBody: (body: Body) => void;
}

interface ProviderCase {
  readonly provider: string;
  readonly secret: string | Record<string, string>;
  /** The secret values that must never come back from the admin API. */
  readonly secretValues: readonly string[];
  readonly config: (mock: MockProviderServer) => Record<string, string>;
  /** Routes every test needs (the token endpoint). */
  readonly routes?: (mock: MockProviderServer) => void;
  readonly verify: {
    readonly method: string;
    readonly path: string;
    readonly reply: MockHandler;
    /** Checks beyond the auth header, given every request the verification made. */
    readonly expectRequests?: (requests: readonly RecordedRequest[], mock: MockProviderServer) => void;
  };
  /** Asserts a request carries the stored secret as the provider expects it. */
  readonly expectAuth: (request: RecordedRequest) => void;
  readonly chat?: ChatCase;
  readonly stream?: StreamCase;
  readonly embed?: EmbedCase;
  readonly rerank?: RerankCase;
}

// ---- Anthropic ----

const ANTHROPIC_KEY = 'sk-ant-api03-e2e-0123456789abcdefghij';
const anthropicStream = (_mock: MockProviderServer, { hang }: StreamOptions) =>
  sse(
    [
      {
        type: 'message_start',
        message: {
          id: 'msg_e2e_02',
          type: 'message',
          role: 'assistant',
          model: 'claude-sonnet-4-5-20250929',
          content: [],
          stop_reason: null,
          usage: { input_tokens: 12, output_tokens: 1 },
        },
      },
      { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
      { type: 'ping' },
      ...PIECES.map((text) => ({
        type: 'content_block_delta',
        index: 0,
        delta: { type: 'text_delta', text },
      })),
      { type: 'content_block_stop', index: 0 },
      { type: 'message_delta', delta: { stop_reason: 'end_turn' }, usage: { output_tokens: 6 } },
      { type: 'message_stop' },
    ].map((event) => namedEvent(event.type, event)),
    { done: false, ...(hang ? { hangAfter: 4 } : {}) },
  );

const ANTHROPIC: ProviderCase = {
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
    path: '/anthropic/v1/messages',
    textReply: anthropicMessage([{ type: 'text', text: ANSWER }], 'end_turn', [35, 9]),
    usage: { inputTokens: 35, outputTokens: 9, totalTokens: 44 },
    tools: {
      callReply: anthropicMessage(
        [{ type: 'tool_use', id: 'toolu_e2e_01', name: 'weather', input: { city: 'Oslo' } }],
        'tool_use',
        [20, 8],
      ),
      callId: 'toolu_e2e_01',
      sentTools: { tools: [{ name: 'weather', input_schema: { type: 'object' } }] },
      expectResultSent: (body, callId) =>
        expect(body.messages!.slice(-2)).toEqual([
          {
            role: 'assistant',
            content: [{ type: 'tool_use', id: callId, name: 'weather', input: { city: 'Oslo' } }],
          },
          { role: 'user', content: [{ type: 'tool_result', tool_use_id: callId, content: TOOL_RESULT }] },
        ]),
    },
  },
  stream: {
    path: '/anthropic/v1/messages',
    reply: anthropicStream,
    usage: { inputTokens: 12, outputTokens: 6, totalTokens: 18 },
  },
};

// ---- Google: the Gemini API and Vertex AI share the generateContent format ----

const googleChat = (path: string): ChatCase => ({
  model: 'gemini-2.5-flash',
  path,
  textReply: json(200, googleAnswer([{ text: ANSWER }], 'STOP', [35, 9])),
  usage: { inputTokens: 35, outputTokens: 9, totalTokens: 44 },
  tools: {
    // Google's calls carry no id: the gateway makes one from the response id.
    callReply: json(
      200,
      googleAnswer(
        [{ functionCall: { name: 'weather', args: { city: 'Oslo' } } }],
        'STOP',
        [20, 8],
        'e2eCall',
      ),
    ),
    callId: 'call_e2eCall_0',
    sentTools: {
      tools: [{ functionDeclarations: [{ name: 'weather', description: WEATHER_TOOL.description }] }],
    },
    expectResultSent: (body) =>
      expect(body.contents!.slice(-2)).toEqual([
        { role: 'model', parts: [{ functionCall: { name: 'weather', args: { city: 'Oslo' } } }] },
        {
          role: 'user',
          parts: [{ functionResponse: { name: 'weather', response: { output: { celsius: 3 } } } }],
        },
      ]),
  },
});
const googleStream = (path: string): StreamCase => ({
  path,
  reply: (_mock, { hang }) =>
    sse(
      [
        googleAnswer([{ text: PIECES[0] }], undefined),
        googleAnswer([{ text: PIECES[1] }], undefined),
        googleAnswer([{ text: PIECES[2] }], 'STOP', [12, 6]),
      ],
      { done: false, ...(hang ? { hangAfter: 1 } : {}) },
    ),
  usage: { inputTokens: 12, outputTokens: 6, totalTokens: 18 },
});

const GEMINI_KEY = 'AIzaSyE2E-0123456789abcdefghijklmnopq';
const GEMINI_MODELS = '/gemini/v1beta/models';
const GEMINI: ProviderCase = {
  provider: 'google-gemini',
  secret: GEMINI_KEY,
  secretValues: [GEMINI_KEY],
  config: (mock) => ({ baseUrl: mock.urlFor('/gemini/v1beta') }),
  verify: {
    method: 'GET',
    path: GEMINI_MODELS,
    reply: json(200, { models: [] }),
    expectRequests: ([check]) => expect(check!.query).toEqual({ pageSize: '1' }),
  },
  expectAuth: (request) => {
    expect(request.headers['x-goog-api-key']).toBe(GEMINI_KEY);
    expect(request.headers).not.toHaveProperty('authorization');
    // Never in the URL, where proxies log it.
    expect(request.query).not.toHaveProperty('key');
    expect(`${request.path}?${new URLSearchParams(request.query).toString()}`).not.toContain(GEMINI_KEY);
  },
  chat: googleChat(`${GEMINI_MODELS}/gemini-2.5-flash:generateContent`),
  stream: googleStream(`${GEMINI_MODELS}/gemini-2.5-flash:streamGenerateContent`),
  embed: {
    model: 'gemini-embedding-001',
    path: `${GEMINI_MODELS}/gemini-embedding-001:batchEmbedContents`,
    reply: json(200, { embeddings: VECTORS.map((values) => ({ values })) }),
    calls: 1,
    usage: {},
    expectBody: (body) =>
      expect(body).toMatchObject({
        requests: ['first', 'second'].map((text) => ({
          model: 'models/gemini-embedding-001',
          content: { parts: [{ text }] },
          taskType: 'RETRIEVAL_QUERY',
        })),
      }),
  },
};

// A real service account key, generated for the run: the token exchange is checked to be signed by it.
const vertexKeys = () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return { privateKey, publicKey };
};
const VERTEX_SA = vertexKeys();
const VERTEX_EMAIL = 'gateway-e2e@e2e-project.iam.gserviceaccount.com';
const serviceAccountJson = (privateKey: string, keyId: string) =>
  JSON.stringify({
    type: 'service_account',
    project_id: 'e2e-project',
    private_key_id: keyId,
    private_key: privateKey,
    client_email: VERTEX_EMAIL,
    token_uri: 'https://oauth2.googleapis.com/token',
  });
const VERTEX_KEY_FILE = serviceAccountJson(VERTEX_SA.privateKey, 'e2e-key-0001');
const VERTEX_TOKEN = 'ya29.e2e-vertex-access-token-1';
const VERTEX_TOKEN_PATH = '/vertex-oauth/token';
const VERTEX_LOCATION = '/vertex/v1/projects/e2e-project/locations/us-central1';
const VERTEX_MODELS = `${VERTEX_LOCATION}/publishers/google/models`;
const tokenReply = (token: string) =>
  json(200, { access_token: token, expires_in: 3599, token_type: 'Bearer' });

/** The token exchange is a JWT-bearer grant whose assertion the service account key signed. */
function expectSignedAssertion(request: RecordedRequest, publicKey: string, tokenUrl: string): void {
  expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
  const form = new URLSearchParams(request.body);
  expect(form.get('grant_type')).toBe('urn:ietf:params:oauth:grant-type:jwt-bearer');
  const [header, payload, signature] = (form.get('assertion') ?? '').split('.');
  const signed = verifySignature(
    'sha256',
    Buffer.from(`${header}.${payload}`),
    publicKey,
    Buffer.from(signature ?? '', 'base64url'),
  );
  expect(signed).toBe(true);
  expect(JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8'))).toMatchObject({
    iss: VERTEX_EMAIL,
    aud: tokenUrl,
    scope: 'https://www.googleapis.com/auth/cloud-platform',
  });
}

const VERTEX: ProviderCase = {
  provider: 'google-vertex',
  secret: { serviceAccountJson: VERTEX_KEY_FILE },
  secretValues: [VERTEX_SA.privateKey.split('\n')[1]!],
  config: (mock) => ({
    projectId: 'e2e-project',
    location: 'us-central1',
    baseUrl: mock.urlFor('/vertex/v1'),
    tokenUrl: mock.urlFor(VERTEX_TOKEN_PATH),
  }),
  routes: (mock) => mock.route('POST', VERTEX_TOKEN_PATH, tokenReply(VERTEX_TOKEN)),
  verify: {
    method: 'GET',
    path: VERTEX_LOCATION,
    reply: json(200, { name: 'projects/e2e-project/locations/us-central1', locationId: 'us-central1' }),
    // The key is exchanged first (fresh, for the check), then the location read with that token.
    expectRequests: (requests, mock) => {
      expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([
        `POST ${VERTEX_TOKEN_PATH}`,
        `GET ${VERTEX_LOCATION}`,
      ]);
      expectSignedAssertion(requests[0]!, VERTEX_SA.publicKey, mock.urlFor(VERTEX_TOKEN_PATH));
    },
  },
  expectAuth: (request) => {
    expect(request.headers.authorization).toBe(`Bearer ${VERTEX_TOKEN}`);
    expect(request.headers).not.toHaveProperty('x-goog-api-key');
  },
  chat: googleChat(`${VERTEX_MODELS}/gemini-2.5-flash:generateContent`),
  stream: googleStream(`${VERTEX_MODELS}/gemini-2.5-flash:streamGenerateContent`),
  embed: {
    model: 'text-embedding-005',
    path: `${VERTEX_MODELS}/text-embedding-005:predict`,
    reply: json(200, {
      predictions: VECTORS.map((values) => ({
        embeddings: { values, statistics: { token_count: 4, truncated: false } },
      })),
    }),
    calls: 1,
    usage: { inputTokens: 8 },
    expectBody: (body) =>
      expect(body).toMatchObject({
        instances: [
          { content: 'first', task_type: 'RETRIEVAL_QUERY' },
          { content: 'second', task_type: 'RETRIEVAL_QUERY' },
        ],
      }),
  },
};

// ---- AWS Bedrock ----

const AWS_KEY_ID = 'AKIAE2ETEST000000001';
const AWS_SECRET_KEY = 'e2eSecretAccessKey/0123456789+abcdefghijklmn';
const AWS_REGION = 'eu-central-1';
const BEDROCK_MODEL = 'anthropic.claude-3-5-haiku-20241022-v1:0';
const bedrockModelPath = (model: string, operation: string) =>
  `/bedrock/model/${encodeURIComponent(model)}/${operation}`;

/** Titan embeds one text per call: each call gets the vector of its text. */
const titanEmbedding: MockHandler = (request, response, context) => {
  const { inputText } = request.json as { inputText: string };
  const vector = VECTORS[['first', 'second'].indexOf(inputText)];
  return json(200, { embedding: vector, inputTextTokenCount: 3 })(request, response, context);
};

const BEDROCK: ProviderCase = {
  provider: 'aws-bedrock',
  secret: { accessKeyId: AWS_KEY_ID, secretAccessKey: AWS_SECRET_KEY },
  secretValues: [AWS_SECRET_KEY],
  config: (mock) => ({ region: AWS_REGION, baseUrl: mock.urlFor('/bedrock') }),
  verify: { method: 'GET', path: '/bedrock/foundation-models', reply: json(200, { modelSummaries: [] }) },
  expectAuth: (request) =>
    expectSigV4(request, { accessKeyId: AWS_KEY_ID, secretAccessKey: AWS_SECRET_KEY, region: AWS_REGION }),
  chat: {
    model: BEDROCK_MODEL,
    path: bedrockModelPath(BEDROCK_MODEL, 'converse'),
    textReply: converseAnswer([{ text: ANSWER }], 'end_turn', [35, 9]),
    usage: { inputTokens: 35, outputTokens: 9, totalTokens: 44 },
    tools: {
      callReply: converseAnswer(
        [{ toolUse: { toolUseId: 'tooluse_e2e01', name: 'weather', input: { city: 'Oslo' } } }],
        'tool_use',
        [20, 8],
      ),
      callId: 'tooluse_e2e01',
      sentTools: {
        toolConfig: {
          tools: [
            { toolSpec: { name: 'weather', inputSchema: { json: JSON.parse(WEATHER_TOOL.parameters) } } },
          ],
        },
      },
      expectResultSent: (body, callId) =>
        expect(body.messages!.slice(-2)).toEqual([
          {
            role: 'assistant',
            content: [{ toolUse: { toolUseId: callId, name: 'weather', input: { city: 'Oslo' } } }],
          },
          {
            role: 'user',
            content: [{ toolResult: { toolUseId: callId, content: [{ text: TOOL_RESULT }] } }],
          },
        ]),
    },
  },
  stream: {
    path: bedrockModelPath(BEDROCK_MODEL, 'converse-stream'),
    reply: (_mock, { hang }) =>
      awsEventStream(
        [
          encodeAwsBedrockEvent('messageStart', { role: 'assistant' }),
          ...PIECES.map((text) =>
            encodeAwsBedrockEvent('contentBlockDelta', { contentBlockIndex: 0, delta: { text } }),
          ),
          encodeAwsBedrockEvent('contentBlockStop', { contentBlockIndex: 0 }),
          encodeAwsBedrockEvent('messageStop', { stopReason: 'end_turn' }),
          encodeAwsBedrockEvent('metadata', {
            usage: { inputTokens: 12, outputTokens: 6, totalTokens: 18 },
            metrics: { latencyMs: 250 },
          }),
        ],
        { 'x-amzn-requestid': BEDROCK_REQUEST_ID },
        hang ? 2 : undefined,
      ),
    usage: { inputTokens: 12, outputTokens: 6, totalTokens: 18 },
  },
  embed: {
    model: 'amazon.titan-embed-text-v2:0',
    path: bedrockModelPath('amazon.titan-embed-text-v2:0', 'invoke'),
    reply: titanEmbedding,
    calls: 2,
    usage: { inputTokens: 6, totalTokens: 6 },
    expectBody: (body) => expect(Object.keys(body)).toEqual(['inputText']),
  },
  rerank: {
    model: 'amazon.rerank-v1:0',
    path: '/bedrock/rerank',
    reply: json(200, {
      results: [
        { index: 2, relevanceScore: 0.875 },
        { index: 0, relevanceScore: 0.25 },
      ],
    }),
    usage: {},
    expectBody: (body) =>
      expect(body).toMatchObject({
        queries: [{ type: 'TEXT', textQuery: { text: QUESTION } }],
        sources: DOCUMENTS.map((text) => ({
          type: 'INLINE',
          inlineDocumentSource: { type: 'TEXT', textDocument: { text } },
        })),
        rerankingConfiguration: {
          bedrockRerankingConfiguration: {
            numberOfResults: 2,
            modelConfiguration: {
              modelArn: `arn:aws:bedrock:${AWS_REGION}::foundation-model/amazon.rerank-v1:0`,
            },
          },
        },
      }),
  },
};

// ---- Cohere ----

const COHERE_KEY = 'co-e2e-0123456789abcdefghijklmnopqrstuv';
const cohereUsage = (input: number, output: number) => ({
  billed_units: { input_tokens: input, output_tokens: output },
  tokens: { input_tokens: input, output_tokens: output },
});
const COHERE: ProviderCase = {
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
  chat: {
    model: 'command-a-03-2025',
    path: '/cohere/v2/chat',
    textReply: json(200, {
      id: 'cohere-e2e-2',
      message: { role: 'assistant', content: [{ type: 'text', text: ANSWER }] },
      finish_reason: 'COMPLETE',
      usage: cohereUsage(35, 9),
    }),
    usage: { inputTokens: 35, outputTokens: 9, totalTokens: 44 },
    tools: {
      callReply: json(200, {
        id: 'cohere-e2e-1',
        message: {
          role: 'assistant',
          tool_plan: 'I will look up the weather in Oslo.',
          tool_calls: [
            {
              id: 'weather_e2e01',
              type: 'function',
              function: { name: 'weather', arguments: '{"city":"Oslo"}' },
            },
          ],
        },
        finish_reason: 'TOOL_CALL',
        usage: cohereUsage(20, 8),
      }),
      callId: 'weather_e2e01',
      sentTools: {
        tools: [
          {
            type: 'function',
            function: { name: 'weather', parameters: JSON.parse(WEATHER_TOOL.parameters) },
          },
        ],
      },
      expectResultSent: (body, callId) => {
        expect(body.messages!.at(-2)).toMatchObject({
          role: 'assistant',
          tool_calls: [
            { id: callId, type: 'function', function: { name: 'weather', arguments: '{"city":"Oslo"}' } },
          ],
        });
        expect(body.messages!.at(-1)).toEqual({ role: 'tool', tool_call_id: callId, content: TOOL_RESULT });
      },
    },
  },
  stream: {
    path: '/cohere/v2/chat',
    reply: (_mock, { hang }) =>
      sse(
        [
          {
            id: 'cohere-e2e-3',
            type: 'message-start',
            delta: {
              message: { role: 'assistant', content: [], tool_plan: '', tool_calls: [], citations: [] },
            },
          },
          { type: 'content-start', index: 0, delta: { message: { content: { type: 'text', text: '' } } } },
          ...PIECES.map((text) => ({
            type: 'content-delta',
            index: 0,
            delta: { message: { content: { text } } },
          })),
          { type: 'content-end', index: 0 },
          {
            type: 'message-end',
            delta: { finish_reason: 'COMPLETE', usage: { ...cohereUsage(12, 6), cached_tokens: 4 } },
          },
        ].map((event) => namedEvent(event.type, event)),
        { done: false, ...(hang ? { hangAfter: 3 } : {}) },
      ),
    usage: { inputTokens: 12, outputTokens: 6, totalTokens: 18, cachedInputTokens: 4 },
  },
  embed: {
    model: 'embed-v4.0',
    path: '/cohere/v2/embed',
    reply: json(200, {
      id: 'cohere-e2e-4',
      texts: ['first', 'second'],
      embeddings: { float: VECTORS },
      meta: { api_version: { version: '2' }, billed_units: { input_tokens: 4 } },
      response_type: 'embeddings_by_type',
    }),
    calls: 1,
    usage: { inputTokens: 4, totalTokens: 4 },
    expectBody: (body) =>
      expect(body).toEqual({
        model: 'embed-v4.0',
        texts: ['first', 'second'],
        input_type: 'search_query',
        embedding_types: ['float'],
      }),
  },
  rerank: {
    model: 'rerank-v3.5',
    path: '/cohere/v2/rerank',
    reply: json(200, {
      id: 'cohere-e2e-5',
      results: [
        { index: 2, relevance_score: 0.875 },
        { index: 0, relevance_score: 0.25 },
      ],
      meta: { api_version: { version: '2' }, billed_units: { search_units: 1 } },
    }),
    usage: { searchUnits: 1 },
    expectBody: (body) =>
      expect(body).toMatchObject({ model: 'rerank-v3.5', query: QUESTION, documents: DOCUMENTS, top_n: 2 }),
  },
};

// ---- Voyage AI (embeddings and rerank only) ----

const VOYAGE_KEY = 'pa-e2e-0123456789abcdefghijklmnopqrstuvwxyz';
const voyageEmbeddings = (vectors: number[][], model: string) =>
  json(200, {
    object: 'list',
    // Voyage does not promise input order; the gateway sorts by index.
    data: vectors.map((embedding, index) => ({ object: 'embedding', embedding, index })).reverse(),
    model,
    usage: { total_tokens: 5 },
  });
const VOYAGE: ProviderCase = {
  provider: 'voyageai',
  secret: VOYAGE_KEY,
  secretValues: [VOYAGE_KEY],
  config: (mock) => ({ baseUrl: mock.urlFor('/voyage/v1') }),
  verify: {
    method: 'POST',
    path: '/voyage/v1/embeddings',
    reply: voyageEmbeddings([[0.5]], 'voyage-4-lite'),
    // No key-check endpoint: the cheapest embedding.
    expectRequests: ([check]) =>
      expect(check!.json).toMatchObject({ model: 'voyage-4-lite', input: ['ping'] }),
  },
  expectAuth: (request) => expect(request.headers.authorization).toBe(`Bearer ${VOYAGE_KEY}`),
  embed: {
    model: 'voyage-3.5',
    path: '/voyage/v1/embeddings',
    reply: voyageEmbeddings(VECTORS, 'voyage-3.5'),
    calls: 1,
    usage: { inputTokens: 5, totalTokens: 5 },
    expectBody: (body) =>
      expect(body).toEqual({
        input: ['first', 'second'],
        model: 'voyage-3.5',
        input_type: 'query',
        output_dtype: 'float',
      }),
  },
  rerank: {
    model: 'rerank-2.5',
    path: '/voyage/v1/rerank',
    reply: json(200, {
      object: 'list',
      data: [
        { relevance_score: 0.875, index: 2 },
        { relevance_score: 0.25, index: 0 },
      ],
      model: 'rerank-2.5',
      usage: { total_tokens: 27 },
    }),
    usage: { inputTokens: 27 },
    expectBody: (body) =>
      expect(body).toMatchObject({ model: 'rerank-2.5', query: QUESTION, documents: DOCUMENTS, top_k: 2 }),
  },
};

// ---- Replicate (text chat only) ----

const REPLICATE_TOKEN = 'r8_E2eToken0123456789abcdefghijklmn';
const REPLICATE_MODEL = 'meta/meta-llama-3-8b-instruct';
const REPLICATE_CREATE = `/replicate/v1/models/${REPLICATE_MODEL}/predictions`;
const PREDICTION_ID = 'e2epredictionid0000000001';
const REPLICATE_STREAM = `/replicate/stream/${PREDICTION_ID}`;
const prediction = (fields: Record<string, unknown>) => ({
  id: PREDICTION_ID,
  model: REPLICATE_MODEL,
  version: 'hidden',
  logs: '',
  error: null,
  urls: {},
  ...fields,
});
const succeededPrediction = (output: string[], tokens: [number, number]) =>
  prediction({
    status: 'succeeded',
    output,
    metrics: { input_token_count: tokens[0], output_token_count: tokens[1], predict_time: 0.2 },
  });
const REPLICATE: ProviderCase = {
  provider: 'replicate',
  secret: REPLICATE_TOKEN,
  secretValues: [REPLICATE_TOKEN],
  config: (mock) => ({ baseUrl: mock.urlFor('/replicate/v1') }),
  verify: {
    method: 'GET',
    path: '/replicate/v1/account',
    reply: json(200, { type: 'user', username: 'e2e', name: 'E2E' }),
  },
  expectAuth: (request) => expect(request.headers.authorization).toBe(`Bearer ${REPLICATE_TOKEN}`),
  chat: {
    model: REPLICATE_MODEL,
    path: REPLICATE_CREATE,
    textReply: json(201, succeededPrediction(['', 'It is', ' 3°C', ' in Oslo.'], [35, 9])),
    usage: { inputTokens: 35, outputTokens: 9, totalTokens: 44 },
    // Answered within the synchronous wait: no polling.
    expectRequest: (request) => {
      expect(request.headers.prefer).toBe('wait=60');
      expect(request.json).toMatchObject({ input: { prompt: QUESTION } });
    },
  },
  stream: {
    path: REPLICATE_CREATE,
    reply: (mock) =>
      json(
        201,
        prediction({
          status: 'starting',
          output: null,
          urls: { stream: mock.urlFor(REPLICATE_STREAM) },
        }),
      ),
    // The stream carries no usage: the prediction is read once after `done` for its metrics.
    routes: (mock, { hang }) => {
      mock.route(
        'GET',
        REPLICATE_STREAM,
        sse([...PIECES.map((piece) => namedEvent('output', piece)), namedEvent('done', {})], {
          done: false,
          ...(hang ? { hangAfter: 1 } : {}),
        }),
      );
      mock.route(
        'GET',
        `/replicate/v1/predictions/${PREDICTION_ID}`,
        json(200, succeededPrediction(PIECES, [12, 6])),
      );
    },
    eventsFrom: { method: 'GET', path: REPLICATE_STREAM },
    // Giving up on a prediction stops it running (and costing) on Replicate.
    cancelRequest: {
      method: 'POST',
      path: `/replicate/v1/predictions/${PREDICTION_ID}/cancel`,
      reply: json(200, prediction({ status: 'canceled', output: null })),
    },
    usage: { inputTokens: 12, outputTokens: 6, totalTokens: 18 },
  },
};

const CASES: readonly ProviderCase[] = [ANTHROPIC, GEMINI, VERTEX, BEDROCK, COHERE, VOYAGE, REPLICATE];

// ---- gRPC requests ----

/** What the client's chat takes: a partial ChatRequest. */
type ChatInput = Parameters<InferenceServiceClient['chat']>[0];
type MessageInput = NonNullable<ChatInput['messages']>[number];

const userMessage = (content: string): MessageInput => ({ user: { content } });

function chatRequest(credentialId: string, model: string, tools: boolean): ChatInput {
  return { credentialId, model, messages: [userMessage(QUESTION)], tools: tools ? [WEATHER_TOOL] : [] };
}

describe('provider credentials verified over REST and used through gRPC', () => {
  let harness: Harness;
  let mock: MockProviderServer;
  let token: string;

  beforeAll(async () => {
    mock = await MockProviderServer.start();
    harness = await startHarness({ redis: false });
    token = await harness.token();
  });
  afterAll(async () => {
    await harness?.stop();
    await mock?.close();
  });

  const sentTo = (method: string, path: string) =>
    mock.requests.filter((r) => r.method === method && r.path === path);
  /** Answers the next `method path` with `reply`, resolving with that request once it arrived. */
  const nextRequest = (method: string, path: string, reply: MockHandler) =>
    new Promise<RecordedRequest>((resolve) => {
      mock.route(
        method,
        path,
        async (request, response, context) => {
          await reply(request, response, context);
          resolve(request);
        },
        { times: 1 },
      );
    });

  describe.each(CASES)('$provider', (c) => {
    let credentialId: string;

    beforeAll(async () => {
      mock.reset();
      c.routes?.(mock);
      mock.route(c.verify.method, c.verify.path, c.verify.reply);
      const created = await api(harness, token, 'POST', '/v1/credentials', {
        provider: c.provider,
        name: `${c.provider}-e2e`,
        secret: c.secret,
        config: c.config(mock),
      });
      expect(created.status).toBe(201);
      credentialId = created.json.id;

      // Verified against the mock with the stored secret, which never comes back.
      expect(created.json).toMatchObject({
        provider: c.provider,
        status: 'active',
        lastVerificationError: null,
      });
      expect(created.json.lastVerifiedAt).toEqual(expect.any(String));
      for (const value of c.secretValues) expect(created.text).not.toContain(value);
      const checks = sentTo(c.verify.method, c.verify.path);
      expect(checks).toHaveLength(1);
      c.expectAuth(checks[0]!);
      c.verify.expectRequests?.(mock.requests, mock);
    });
    beforeEach(() => {
      mock.reset();
      c.routes?.(mock);
    });

    const chat = c.chat;
    if (chat?.tools) {
      const tools = chat.tools;
      it('runs a tool call round trip with Chat', async () => {
        const { inference } = harness.grpc(token);
        mock.route('POST', chat.path, tools.callReply, { times: 1 });
        const first = await inference.chat(chatRequest(credentialId, chat.model, true));
        expect(first.finishReason).toBe(FinishReason.FINISH_REASON_TOOL_CALLS);
        expect(first.message?.toolCalls).toEqual([
          { id: tools.callId, name: 'weather', arguments: '{"city":"Oslo"}' },
        ]);
        expect(first.usage).toMatchObject({ inputTokens: 20, outputTokens: 8 });

        mock.route('POST', chat.path, chat.textReply);
        const second = await inference.chat({
          ...chatRequest(credentialId, chat.model, true),
          messages: [
            userMessage(QUESTION),
            { assistant: { content: '', reasoning: '', toolCalls: first.message!.toolCalls } },
            { tool: { toolCallId: tools.callId, content: TOOL_RESULT, name: '' } },
          ],
        });
        expect(second.message?.text).toBe(ANSWER);
        expect(second.message?.toolCalls).toEqual([]);
        expect(second.finishReason).toBe(FinishReason.FINISH_REASON_STOP);
        expect(second.usage).toMatchObject(chat.usage);

        const sent = sentTo('POST', chat.path);
        expect(sent).toHaveLength(2);
        for (const request of sent) c.expectAuth(request);
        expect(sent[0]!.json).toMatchObject(tools.sentTools);
        tools.expectResultSent(sent[1]!.json as Body, tools.callId);
      });
    } else if (chat) {
      it('answers Chat', async () => {
        const { inference } = harness.grpc(token);
        mock.route('POST', chat.path, chat.textReply);
        const result = await inference.chat(chatRequest(credentialId, chat.model, false));
        expect(result.message?.text).toBe(ANSWER);
        expect(result.finishReason).toBe(FinishReason.FINISH_REASON_STOP);
        expect(result.usage).toMatchObject(chat.usage);
        const sent = sentTo('POST', chat.path);
        expect(sent).toHaveLength(1);
        c.expectAuth(sent[0]!);
        chat.expectRequest?.(sent[0]!);
      });

      it('refuses tools before calling the provider, which has none', async () => {
        const { inference } = harness.grpc(token);
        const error = await inference
          .chat(chatRequest(credentialId, chat.model, true))
          .catch((e: Error) => e);
        expect(error).toMatchObject({ code: Status.UNIMPLEMENTED });
        expect(mock.requests).toHaveLength(0);
      });
    }

    const stream = c.stream;
    if (stream) {
      it('streams text deltas, then one final frame with the whole message and usage', async () => {
        const { inference } = harness.grpc(token);
        mock.route('POST', stream.path, stream.reply(mock, {}));
        stream.routes?.(mock, {});
        const frames: StreamChatResponse[] = [];
        for await (const frame of inference.streamChat(chatRequest(credentialId, c.chat!.model, false))) {
          frames.push(frame);
        }
        expect(frames.filter((f) => f.textDelta !== undefined).map((f) => f.textDelta)).toEqual(PIECES);
        expect(frames.filter((f) => f.final)).toHaveLength(1);
        const final = frames.at(-1)?.final;
        expect(final?.message?.text).toBe(ANSWER);
        expect(final?.finishReason).toBe(FinishReason.FINISH_REASON_STOP);
        expect(final?.usage).toEqual({ ...stream.usage });
        expect(final?.metrics?.timeToFirstTokenMs).toBeGreaterThan(0);
        // Every upstream request of the stream (Replicate makes three) carries the credential.
        expect(mock.requests.length).toBeGreaterThan(0);
        for (const request of mock.requests) c.expectAuth(request);
        expect(sentTo('POST', stream.path)).toHaveLength(1);
      });

      it('aborts the upstream stream when the caller cancels', async () => {
        const { inference } = harness.grpc(token);
        mock.route('POST', stream.path, stream.reply(mock, { hang: true }));
        stream.routes?.(mock, { hang: true });
        const cancel = stream.cancelRequest;
        const cancelled = cancel ? nextRequest(cancel.method, cancel.path, cancel.reply) : undefined;

        const controller = new AbortController();
        const received: StreamChatResponse[] = [];
        const frames = inference.streamChat(chatRequest(credentialId, c.chat!.model, false), {
          signal: controller.signal,
        });
        await expect(
          (async () => {
            for await (const frame of frames) {
              received.push(frame);
              if (frame.textDelta) controller.abort();
            }
          })(),
        ).rejects.toMatchObject({ name: 'AbortError' });
        expect(received.filter((f) => f.textDelta !== undefined).map((f) => f.textDelta)).toEqual([
          PIECES[0],
        ]);
        expect(received.some((f) => f.final)).toBe(false);

        const events = stream.eventsFrom ?? { method: 'POST', path: stream.path };
        const index = mock.requests.findIndex((r) => r.method === events.method && r.path === events.path);
        expect(await mock.responseEnd(index)).toBe('closed-early');
        if (cancelled) c.expectAuth(await cancelled);
      });
    }

    const embed = c.embed;
    if (embed) {
      it('embeds with the stored credential', async () => {
        const { inference } = harness.grpc(token);
        mock.route('POST', embed.path, embed.reply);
        const result = await inference.embed({
          credentialId,
          model: embed.model,
          inputs: ['first', 'second'],
          inputType: EmbeddingInputType.EMBEDDING_INPUT_TYPE_QUERY,
        });
        expect(result.embeddings.map((e) => e.values)).toEqual(VECTORS);
        expect(result.model).toBe(embed.model);
        expect(result.usage).toEqual({ ...embed.usage });
        const sent = sentTo('POST', embed.path);
        expect(sent).toHaveLength(embed.calls);
        for (const request of sent) {
          c.expectAuth(request);
          embed.expectBody(request.json as Body);
        }
      });
    } else {
      it('refuses Embed as UNIMPLEMENTED without calling the provider', async () => {
        const { inference } = harness.grpc(token);
        const error = await inference
          .embed({ credentialId, model: 'any-model', inputs: ['first'] })
          .catch((e: Error) => e);
        expect(error).toMatchObject({ code: Status.UNIMPLEMENTED });
        expect(mock.requests).toHaveLength(0);
      });
    }

    const rerank = c.rerank;
    if (rerank) {
      it('reranks documents best first', async () => {
        const { inference } = harness.grpc(token);
        mock.route('POST', rerank.path, rerank.reply);
        const result = await inference.rerank({
          credentialId,
          model: rerank.model,
          query: QUESTION,
          documents: DOCUMENTS,
          topN: 2,
        });
        expect(result.results).toEqual([
          { index: 2, relevanceScore: 0.875 },
          { index: 0, relevanceScore: 0.25 },
        ]);
        expect(result.usage).toEqual({ ...rerank.usage });
        const sent = sentTo('POST', rerank.path);
        expect(sent).toHaveLength(1);
        c.expectAuth(sent[0]!);
        rerank.expectBody(sent[0]!.json as Body);
      });
    } else {
      it('refuses Rerank as UNIMPLEMENTED without calling the provider', async () => {
        const { inference } = harness.grpc(token);
        const error = await inference
          .rerank({ credentialId, model: 'any-model', query: QUESTION, documents: DOCUMENTS })
          .catch((e: Error) => e);
        expect(error).toMatchObject({ code: Status.UNIMPLEMENTED });
        expect(mock.requests).toHaveLength(0);
      });
    }

    if (!chat) {
      it('refuses Chat as UNIMPLEMENTED without calling the provider', async () => {
        const { inference } = harness.grpc(token);
        const error = await inference
          .chat(chatRequest(credentialId, 'any-model', false))
          .catch((e: Error) => e);
        expect(error).toMatchObject({ code: Status.UNIMPLEMENTED });
        expect(mock.requests).toHaveLength(0);
      });
    }
  });

  describe('google-vertex access tokens', () => {
    it('exchanges the service account key once for two chats', async () => {
      // A key of its own, stored unverified, so no earlier exchange cached its token.
      const keys = vertexKeys();
      const tokenUrl = mock.urlFor(VERTEX_TOKEN_PATH);
      mock.reset();
      mock.route('POST', VERTEX_TOKEN_PATH, tokenReply('ya29.e2e-vertex-access-token-2'));
      const created = await api(harness, token, 'POST', '/v1/credentials', {
        provider: 'google-vertex',
        name: 'vertex-token-cache-e2e',
        secret: { serviceAccountJson: serviceAccountJson(keys.privateKey, 'e2e-key-0002') },
        config: { ...VERTEX.config(mock), tokenUrl },
        verify: false,
      });
      expect(created.status).toBe(201);
      expect(created.json.status).toBe('unverified');
      expect(mock.requests).toHaveLength(0);

      const { inference } = harness.grpc(token);
      const chatPath = `${VERTEX_MODELS}/gemini-2.5-flash:generateContent`;
      mock.route('POST', chatPath, json(200, googleAnswer([{ text: ANSWER }], 'STOP', [5, 5])));
      for (let i = 0; i < 2; i += 1) {
        const answer = await inference.chat(chatRequest(created.json.id, 'gemini-2.5-flash', false));
        expect(answer.message?.text).toBe(ANSWER);
      }

      const exchanges = sentTo('POST', VERTEX_TOKEN_PATH);
      expect(exchanges).toHaveLength(1);
      expectSignedAssertion(exchanges[0]!, keys.publicKey, tokenUrl);
      const chats = sentTo('POST', chatPath);
      expect(chats.map((r) => r.headers.authorization)).toEqual([
        'Bearer ya29.e2e-vertex-access-token-2',
        'Bearer ya29.e2e-vertex-access-token-2',
      ]);
    });
  });
});

import { generateKeyPairSync } from 'node:crypto';
import type { OutgoingHttpHeaders } from 'node:http';
import { createGoogleGeminiAdapter } from '../google-gemini/google-gemini-adapter.js';
import { createGoogleVertexAdapter } from '../google-vertex/google-vertex-adapter.js';
import { GoogleVertexAccessTokens } from '../google-vertex/google-vertex-access-token.js';
import {
  CONTRACT_ANSWER_MODEL,
  CONTRACT_DETAILED_USAGE,
  CONTRACT_EMBED_INPUT_TOKENS,
  CONTRACT_EMBEDDINGS,
  CONTRACT_IMAGE_BASE64,
  CONTRACT_MID_STREAM_ERROR,
  CONTRACT_PARALLEL_TOOL_CALLS,
  CONTRACT_TEXT,
  CONTRACT_TEXT_PIECES,
  CONTRACT_TOOL_CALL,
  CONTRACT_TOOL_RESULTS_TEXT,
  CONTRACT_USAGE,
  CONTRACT_VISION_TEXT,
  json,
  runAdapterContract,
  sse,
  type AdapterContractFixture,
  type ExpectedRequest,
} from '../testing/index.js';

/**
 * The shared adapter contract for the Gemini API and Vertex AI adapters. Both speak the same
 * generateContent format, so the answers below are built once; the fixtures differ in paths and
 * authentication.
 */

const RPC_STATUS: Readonly<Record<number, string>> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
};
const errorReply = (status: number, message: string, headers: OutgoingHttpHeaders = {}) =>
  json(
    status,
    { error: { code: status, message, status: RPC_STATUS[status] ?? 'FAILED_PRECONDITION' } },
    headers,
  );

// ---- answers in Google's format ----

type Part = Record<string, unknown>;
const answer = (parts: Part[], finishReason: string | undefined, usageMetadata?: Record<string, number>) => ({
  candidates: [{ content: { role: 'model', parts }, ...(finishReason ? { finishReason } : {}), index: 0 }],
  ...(usageMetadata ? { usageMetadata } : {}),
  modelVersion: CONTRACT_ANSWER_MODEL,
  responseId: 'contractResponse01',
});
const usageOf = (u = CONTRACT_USAGE) => ({
  promptTokenCount: u.inputTokens!,
  candidatesTokenCount: u.outputTokens!,
  totalTokenCount: u.totalTokens!,
});
const functionCall = (call: { id: string; name: string; arguments: string }) => ({
  functionCall: { id: call.id, name: call.name, args: JSON.parse(call.arguments) as unknown },
});

const textChunks = () => [
  answer([{ text: CONTRACT_TEXT_PIECES[0] }], undefined),
  answer([{ text: CONTRACT_TEXT_PIECES[1] }], undefined),
  answer([{ text: CONTRACT_TEXT_PIECES[2] }], 'STOP', usageOf()),
];
const firstChunk = () => [answer([{ text: CONTRACT_TEXT_PIECES[0] }], undefined)];

// ---- requests Google must receive ----

const WEATHER_DECLARATION = {
  functionDeclarations: [
    {
      name: 'get_weather',
      description: 'Current weather of a city',
      parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
    },
  ],
};
const TEXT_BODY = {
  contents: [{ role: 'user', parts: [{ text: 'Say hello.' }] }],
  systemInstruction: { parts: [{ text: 'You are terse.' }] },
  generationConfig: { temperature: 0.5, maxOutputTokens: 64 },
};
const TOOL_BODY = {
  contents: [{ role: 'user', parts: [{ text: 'What is the weather in Paris?' }] }],
  tools: [WEATHER_DECLARATION],
  toolConfig: { functionCallingConfig: { mode: 'ANY' } },
};
const PARALLEL_BODY = {
  contents: [{ role: 'user', parts: [{ text: 'Weather in Paris and Rome?' }] }],
  tools: [WEATHER_DECLARATION],
  toolConfig: { functionCallingConfig: { mode: 'AUTO' } },
};
const TOOL_RESULTS_BODY = {
  contents: [
    { role: 'user', parts: [{ text: 'Weather in Paris and Rome?' }] },
    {
      role: 'model',
      parts: [
        { functionCall: { name: 'get_weather', args: { city: 'Paris' } } },
        { functionCall: { name: 'get_weather', args: { city: 'Rome' } } },
      ],
    },
    {
      role: 'user',
      parts: [
        { functionResponse: { name: 'get_weather', response: { output: { celsius: 18 } } } },
        { functionResponse: { name: 'get_weather', response: { output: { celsius: 24 } } } },
      ],
    },
  ],
  tools: [WEATHER_DECLARATION],
};
const VISION_BODY = {
  contents: [
    {
      role: 'user',
      parts: [
        { text: 'What is in these images?' },
        { fileData: { fileUri: 'https://example.com/cat.png', mimeType: 'image/png' } },
        { inlineData: { mimeType: 'image/png', data: CONTRACT_IMAGE_BASE64 } },
      ],
    },
  ],
};
const USAGE_BODY = { contents: [{ role: 'user', parts: [{ text: 'Summarize the long document above.' }] }] };
const DETAILED_USAGE = {
  promptTokenCount: CONTRACT_DETAILED_USAGE.inputTokens,
  cachedContentTokenCount: CONTRACT_DETAILED_USAGE.cachedInputTokens,
  candidatesTokenCount: CONTRACT_DETAILED_USAGE.outputTokens - CONTRACT_DETAILED_USAGE.reasoningTokens,
  thoughtsTokenCount: CONTRACT_DETAILED_USAGE.reasoningTokens,
  totalTokenCount: CONTRACT_DETAILED_USAGE.totalTokens,
};

/** The cases both APIs share; `request` adds each one's path, query and authentication. */
function googleCases(
  request: (kind: 'chat' | 'stream', body: unknown) => ExpectedRequest,
  parallelChunks: unknown[],
): Omit<AdapterContractFixture['cases'], 'embeddings' | 'verify'> {
  return {
    text: {
      reply: json(200, answer([{ text: CONTRACT_TEXT }], 'STOP', usageOf())),
      expect: request('chat', TEXT_BODY),
    },
    streamText: { reply: sse(textChunks(), { done: false }), expect: request('stream', TEXT_BODY) },
    toolCall: {
      reply: json(200, answer([functionCall(CONTRACT_TOOL_CALL)], 'STOP', usageOf())),
      expect: request('chat', TOOL_BODY),
    },
    parallelToolCalls: {
      reply: sse(parallelChunks, { done: false }),
      expect: request('stream', PARALLEL_BODY),
    },
    toolResults: {
      reply: json(200, answer([{ text: CONTRACT_TOOL_RESULTS_TEXT }], 'STOP', usageOf())),
      expect: request('chat', TOOL_RESULTS_BODY),
    },
    usage: {
      reply: json(200, answer([{ text: 'Summary.' }], 'STOP', DETAILED_USAGE)),
      expect: request('chat', USAGE_BODY),
      fields: ['inputTokens', 'outputTokens', 'totalTokens', 'cachedInputTokens', 'reasoningTokens'],
    },
    vision: {
      reply: json(200, answer([{ text: CONTRACT_VISION_TEXT }], 'STOP', usageOf())),
      expect: request('chat', VISION_BODY),
    },
    midStreamError: {
      reply: sse(
        [...firstChunk(), { error: { code: 500, message: CONTRACT_MID_STREAM_ERROR, status: 'INTERNAL' } }],
        {
          done: false,
        },
      ),
      kind: 'unavailable',
    },
    truncatedStream: { reply: sse(textChunks(), { done: false, truncateAfter: 2 }) },
    stalledStream: { reply: sse(textChunks(), { done: false, hangAfter: 1 }) },
  };
}

// ---- Gemini API ----

const GEMINI_KEY = 'AIzaSyContract-0123456789abcdefghijklm';
const geminiModelPath = (method: string) => `/v1beta/models/contract-model:${method}`;
const geminiRequest = (kind: 'chat' | 'stream', body: unknown): ExpectedRequest => ({
  method: 'POST',
  path: geminiModelPath(kind === 'chat' ? 'generateContent' : 'streamGenerateContent'),
  query: kind === 'chat' ? {} : { alt: 'sse' },
  headers: { 'x-goog-api-key': GEMINI_KEY },
  absentHeaders: ['authorization'],
  body,
});
/** The Gemini API delivers each function call whole, one per chunk here. */
const geminiParallelChunks = [
  answer([functionCall(CONTRACT_PARALLEL_TOOL_CALLS[0]!)], undefined),
  answer([functionCall(CONTRACT_PARALLEL_TOOL_CALLS[1]!)], undefined),
  answer([{ text: '' }], 'STOP', usageOf()),
];

runAdapterContract({
  name: 'Google Gemini API',
  provider: 'google-gemini',
  createAdapter: (clients) => createGoogleGeminiAdapter({ clients, timeoutMs: 500 }),
  credential: (mock) => ({ secret: { apiKey: GEMINI_KEY }, config: { baseUrl: mock.urlFor('/v1beta') } }),
  routes: {
    chat: { method: 'POST', path: geminiModelPath('generateContent') },
    stream: { method: 'POST', path: geminiModelPath('streamGenerateContent') },
    embed: { method: 'POST', path: '/v1beta/models/contract-embedding-model:batchEmbedContents' },
  },
  errorReply,
  cases: {
    ...googleCases(geminiRequest, geminiParallelChunks),
    embeddings: {
      reply: json(200, {
        embeddings: CONTRACT_EMBEDDINGS.map((values) => ({ values })),
        usageMetadata: { promptTokenCount: CONTRACT_EMBED_INPUT_TOKENS },
      }),
      expect: {
        method: 'POST',
        path: '/v1beta/models/contract-embedding-model:batchEmbedContents',
        headers: { 'x-goog-api-key': GEMINI_KEY },
        body: {
          requests: ['first text', 'second text'].map((text) => ({
            model: 'models/contract-embedding-model',
            content: { parts: [{ text }] },
            outputDimensionality: 3,
          })),
        },
      },
    },
    verify: {
      ok: {
        reply: json(200, { models: [] }),
        expect: {
          method: 'GET',
          path: '/v1beta/models',
          query: { pageSize: '1' },
          headers: { 'x-goog-api-key': GEMINI_KEY },
        },
      },
      refused: { reply: errorReply(401, 'API key not valid.') },
    },
  },
});

// ---- Vertex AI ----

const { privateKey } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});
const VERTEX_KEY = JSON.stringify({
  type: 'service_account',
  private_key_id: 'contract-key-1',
  private_key: privateKey,
  client_email: 'contract@demo-project.iam.gserviceaccount.com',
});
const VERTEX_TOKEN = 'ya29.contract-access-token';
const VERTEX_MODELS = '/v1/projects/demo-project/locations/us-central1/publishers/google/models';
const vertexModelPath = (method: string) => `${VERTEX_MODELS}/contract-model:${method}`;
const vertexRequest = (kind: 'chat' | 'stream', body: unknown): ExpectedRequest => ({
  method: 'POST',
  path: vertexModelPath(kind === 'chat' ? 'generateContent' : 'streamGenerateContent'),
  query: kind === 'chat' ? {} : { alt: 'sse' },
  headers: { authorization: `Bearer ${VERTEX_TOKEN}` },
  absentHeaders: ['x-goog-api-key'],
  body,
});
/** Vertex with streamFunctionCallArguments: each call named first, its argument in pieces, then closed. */
const vertexParallelChunks = CONTRACT_PARALLEL_TOOL_CALLS.flatMap((call) => {
  const city = (JSON.parse(call.arguments) as { city: string }).city;
  const piece = (stringValue: string, willContinue?: boolean) =>
    answer(
      [
        {
          functionCall: {
            partialArgs: [{ jsonPath: '$.city', stringValue, ...(willContinue ? { willContinue } : {}) }],
            willContinue: true,
          },
        },
      ],
      undefined,
    );
  return [
    answer([{ functionCall: { id: call.id, name: call.name, willContinue: true } }], undefined),
    piece(city.slice(0, 2), true),
    piece(city.slice(2), true),
    piece(''),
    answer([{ functionCall: {} }], undefined),
  ];
}).concat([answer([{ text: '' }], 'STOP', usageOf())]);

runAdapterContract({
  name: 'Google Vertex AI',
  provider: 'google-vertex',
  createAdapter: (clients) =>
    createGoogleVertexAdapter({
      clients,
      timeoutMs: 500,
      // The token endpoint is covered by google-vertex-adapter.test.ts; here it stays off the mock,
      // so each case sees exactly its one Vertex request.
      accessTokens: new GoogleVertexAccessTokens({
        fetchToken: async () => ({
          status: 200,
          bodyText: JSON.stringify({ access_token: VERTEX_TOKEN, expires_in: 3600 }),
        }),
      }),
    }),
  credential: (mock) => ({
    secret: { serviceAccountJson: VERTEX_KEY },
    config: {
      projectId: 'demo-project',
      location: 'us-central1',
      baseUrl: mock.urlFor('/v1'),
      tokenUrl: 'https://oauth2.example/token',
    },
  }),
  routes: {
    chat: { method: 'POST', path: vertexModelPath('generateContent') },
    stream: { method: 'POST', path: vertexModelPath('streamGenerateContent') },
    embed: { method: 'POST', path: `${VERTEX_MODELS}/contract-embedding-model:predict` },
  },
  errorReply,
  cases: {
    ...googleCases(vertexRequest, vertexParallelChunks),
    embeddings: {
      reply: json(200, {
        predictions: CONTRACT_EMBEDDINGS.map((values) => ({
          embeddings: {
            values,
            statistics: { token_count: CONTRACT_EMBED_INPUT_TOKENS / 2, truncated: false },
          },
        })),
      }),
      expect: {
        method: 'POST',
        path: `${VERTEX_MODELS}/contract-embedding-model:predict`,
        headers: { authorization: `Bearer ${VERTEX_TOKEN}` },
        body: {
          instances: [{ content: 'first text' }, { content: 'second text' }],
          parameters: { outputDimensionality: 3 },
        },
      },
    },
    verify: {
      ok: {
        reply: json(200, { name: 'projects/demo-project/locations/us-central1' }),
        expect: {
          method: 'GET',
          path: '/v1/projects/demo-project/locations/us-central1',
          headers: { authorization: `Bearer ${VERTEX_TOKEN}` },
        },
      },
      refused: { reply: errorReply(401, 'Request had invalid authentication credentials.') },
    },
  },
});

import type { OutgoingHttpHeaders } from 'node:http';
import {
  CONTRACT_DETAILED_USAGE,
  CONTRACT_EMBED_INPUT_TOKENS,
  CONTRACT_EMBEDDINGS,
  CONTRACT_IMAGE_BASE64,
  CONTRACT_MID_STREAM_ERROR,
  CONTRACT_MODEL,
  CONTRACT_PARALLEL_FRAGMENTS,
  CONTRACT_PARALLEL_TOOL_CALLS,
  CONTRACT_RERANK_RESULTS,
  CONTRACT_TEXT,
  CONTRACT_TEXT_PIECES,
  CONTRACT_TOOL_CALL,
  CONTRACT_TOOL_RESULTS_TEXT,
  CONTRACT_USAGE,
  CONTRACT_VISION_TEXT,
  CONTRACT_WEATHER_TOOL,
  json,
  runAdapterContract,
  type ExpectedRequest,
  type MockHandler,
} from '../testing/index.js';
import { createAwsBedrockAdapter } from './aws-bedrock-adapter.js';
import { encodeAwsBedrockEvent, encodeAwsBedrockException } from './aws-bedrock-event-stream-encoder.js';

/**
 * The shared adapter contract, against a mock speaking Bedrock: Converse and ConverseStream
 * (binary event-stream frames) for chat, InvokeModel with Cohere Embed for embeddings, the agent
 * runtime's Rerank, ListFoundationModels for verification, all signed with SigV4. Converse names
 * no model in its answers, and takes images inline only.
 */

const SECRET = {
  accessKeyId: 'AKIACONTRACTEXAMPLE7',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYCONTRACTKEY',
};
const NOW = new Date('2026-03-01T10:20:30Z');
const REQUEST_ID = '3f1c9a2e-7b4d-4e8f-a1b2-c3d4e5f60718';
/** The embedding family decides the body: Cohere Embed takes both texts in one call. */
const EMBEDDING_MODEL = 'cohere.embed-v4:0';
const CONVERSE = { method: 'POST', path: '/model/contract-model/converse' };
const CONVERSE_STREAM = { method: 'POST', path: '/model/contract-model/converse-stream' };
const INVOKE = { method: 'POST', path: `/model/${encodeURIComponent(EMBEDDING_MODEL)}/invoke` };
const RERANK = { method: 'POST', path: '/rerank' };

/** Every request is signed for the credential's region, at the pinned time. */
const signedHeaders = (): Record<string, string> => ({
  'x-amz-date': '20260301T102030Z',
  authorization: expect.stringMatching(
    new RegExp(
      `^AWS4-HMAC-SHA256 Credential=${SECRET.accessKeyId}/20260301/us-east-1/bedrock/aws4_request, ` +
        'SignedHeaders=[a-z0-9;-]+, Signature=[0-9a-f]{64}$',
    ),
  ) as string,
});

/** AWS names the error by type; the status alone does not tell a bad key from a missing permission. */
const ERROR_TYPES: Readonly<Record<number, string>> = {
  400: 'ValidationException',
  401: 'UnrecognizedClientException',
  403: 'AccessDeniedException',
  404: 'ResourceNotFoundException',
  422: 'ValidationException',
  429: 'ThrottlingException',
  500: 'InternalServerException',
  503: 'ServiceUnavailableException',
};
const errorReply = (status: number, message: string, headers: OutgoingHttpHeaders = {}) =>
  json(
    status,
    { message },
    {
      'x-amzn-errortype': `${ERROR_TYPES[status] ?? 'InternalFailure'}:http://internal.amazon.com/coral/com.amazon.coral.service/`,
      'x-amzn-requestid': REQUEST_ID,
      ...headers,
    },
  );

// ---- answers in Bedrock's format ----

const usageOf = (input: number, output: number, cacheRead?: number) => ({
  inputTokens: input,
  outputTokens: output,
  totalTokens: input + output + (cacheRead ?? 0),
  ...(cacheRead !== undefined ? { cacheReadInputTokens: cacheRead, cacheWriteInputTokens: 0 } : {}),
});
const USAGE = usageOf(CONTRACT_USAGE.inputTokens!, CONTRACT_USAGE.outputTokens!);
const answer = (content: unknown[], stopReason = 'end_turn', usage: unknown = USAGE) =>
  json(
    200,
    { output: { message: { role: 'assistant', content } }, stopReason, usage, metrics: { latencyMs: 321 } },
    { 'x-amzn-requestid': REQUEST_ID },
  );
const toolUse = (call: { id: string; name: string; arguments: string }) => ({
  toolUse: { toolUseId: call.id, name: call.name, input: JSON.parse(call.arguments) as unknown },
});

interface EventStreamOptions {
  /** Cuts the connection after this many frames. */
  readonly truncateAfter?: number;
  /** Goes silent after this many frames, keeping the connection open. */
  readonly hangAfter?: number;
}
/** Answers with binary event-stream frames, as ConverseStream does. */
function eventStream(frames: readonly Uint8Array[], options: EventStreamOptions = {}): MockHandler {
  return (_request, response) => {
    response.writeHead(200, {
      'content-type': 'application/vnd.amazon.eventstream',
      'x-amzn-requestid': REQUEST_ID,
    });
    response.flushHeaders();
    for (const [i, frame] of frames.entries()) {
      if (i === options.truncateAfter) {
        response.destroy();
        return;
      }
      if (i === options.hangAfter) return;
      response.write(Buffer.from(frame));
    }
    response.end();
  };
}
const frame = (type: string, payload: unknown) => encodeAwsBedrockEvent(type, payload);
const messageStart = frame('messageStart', { role: 'assistant' });
const ending = (stopReason: string, usage = USAGE) => [
  frame('messageStop', { stopReason }),
  frame('metadata', { usage, metrics: { latencyMs: 321 } }),
];
const textFrames = [
  messageStart,
  ...CONTRACT_TEXT_PIECES.map((text) =>
    frame('contentBlockDelta', { contentBlockIndex: 0, delta: { text } }),
  ),
  frame('contentBlockStop', { contentBlockIndex: 0 }),
  ...ending('end_turn'),
];
/** Up to and including the first text piece. */
const FIRST_TEXT = 2;
const parallelFrames = [
  messageStart,
  ...CONTRACT_PARALLEL_TOOL_CALLS.flatMap((call, contentBlockIndex) => [
    frame('contentBlockStart', {
      contentBlockIndex,
      start: { toolUse: { toolUseId: call.id, name: call.name } },
    }),
    ...CONTRACT_PARALLEL_FRAGMENTS[contentBlockIndex]!.map((input) =>
      frame('contentBlockDelta', { contentBlockIndex, delta: { toolUse: { input } } }),
    ),
    frame('contentBlockStop', { contentBlockIndex }),
  ]),
  ...ending('tool_use', usageOf(60, 30)),
];

// ---- requests Bedrock must receive ----

const request = (
  route: { method: string; path: string },
  body: unknown,
  accept = 'application/json',
): ExpectedRequest => ({
  ...route,
  query: {},
  headers: { ...signedHeaders(), accept, 'content-type': 'application/json' },
  body,
});
const converse = (body: unknown) => request(CONVERSE, body);
const converseStream = (body: unknown) =>
  request(CONVERSE_STREAM, body, 'application/vnd.amazon.eventstream');
const user = (...content: unknown[]) => ({ role: 'user', content });
const TEXT_BODY = {
  messages: [user({ text: 'Say hello.' })],
  system: [{ text: 'You are terse.' }],
  inferenceConfig: { maxTokens: 64, temperature: 0.5 },
};
const WEATHER_TOOL = {
  toolSpec: {
    name: CONTRACT_WEATHER_TOOL.name,
    description: CONTRACT_WEATHER_TOOL.description,
    inputSchema: { json: CONTRACT_WEATHER_TOOL.parameters },
  },
};
const PNG = { image: { format: 'png', source: { bytes: CONTRACT_IMAGE_BASE64 } } };

runAdapterContract({
  name: 'AWS Bedrock',
  provider: 'aws-bedrock',
  createAdapter: (clients) => createAwsBedrockAdapter({ clients, timeoutMs: 500, now: () => NOW }),
  // A base URL that is not a bedrock-runtime host serves all three Bedrock APIs under one root.
  credential: (mock) => ({ secret: SECRET, config: { region: 'us-east-1', baseUrl: mock.url } }),
  // Converse does not name the model: the adapter reports the one it called.
  models: { answer: CONTRACT_MODEL, embedding: EMBEDDING_MODEL },
  routes: { chat: CONVERSE, stream: CONVERSE_STREAM, embed: INVOKE, rerank: RERANK },
  errorReply,
  cases: {
    text: { reply: answer([{ text: CONTRACT_TEXT }]), expect: converse(TEXT_BODY) },
    usage: {
      reply: answer(
        [{ text: 'A summary.' }],
        'end_turn',
        // Bedrock, like Anthropic, reports cache reads beside the rest of the prompt.
        usageOf(
          CONTRACT_DETAILED_USAGE.inputTokens - CONTRACT_DETAILED_USAGE.cachedInputTokens,
          CONTRACT_DETAILED_USAGE.outputTokens,
          CONTRACT_DETAILED_USAGE.cachedInputTokens,
        ),
      ),
      expect: converse({ messages: [user({ text: 'Summarize the long document above.' })] }),
      // Reasoning is inside outputTokens; Bedrock does not count it apart.
      fields: ['inputTokens', 'outputTokens', 'totalTokens', 'cachedInputTokens'],
    },
    streamText: { reply: eventStream(textFrames), expect: converseStream(TEXT_BODY) },
    midStreamError: {
      // A stream that started with 200 fails with an exception frame.
      reply: eventStream([
        ...textFrames.slice(0, FIRST_TEXT),
        encodeAwsBedrockException('modelStreamErrorException', CONTRACT_MID_STREAM_ERROR),
      ]),
      kind: 'unavailable',
    },
    truncatedStream: { reply: eventStream(textFrames, { truncateAfter: FIRST_TEXT }) },
    stalledStream: { reply: eventStream(textFrames, { hangAfter: FIRST_TEXT }) },
    toolCall: {
      reply: answer([toolUse(CONTRACT_TOOL_CALL)], 'tool_use'),
      expect: converse({
        messages: [user({ text: 'What is the weather in Paris?' })],
        toolConfig: { tools: [WEATHER_TOOL], toolChoice: { any: {} } },
      }),
    },
    parallelToolCalls: {
      reply: eventStream(parallelFrames),
      // Converse has no parallel-calls switch.
      expect: converseStream({
        messages: [user({ text: 'Weather in Paris and Rome?' })],
        toolConfig: { tools: [WEATHER_TOOL], toolChoice: { auto: {} } },
      }),
    },
    toolResults: {
      reply: answer([{ text: CONTRACT_TOOL_RESULTS_TEXT }]),
      expect: converse({
        messages: [
          user({ text: 'Weather in Paris and Rome?' }),
          { role: 'assistant', content: CONTRACT_PARALLEL_TOOL_CALLS.map(toolUse) },
          user(
            { toolResult: { toolUseId: 'callParis2', content: [{ text: '{"celsius":18}' }] } },
            { toolResult: { toolUseId: 'callRome02', content: [{ text: '{"celsius":24}' }] } },
          ),
        ],
        toolConfig: { tools: [WEATHER_TOOL] },
      }),
    },
    vision: {
      // Converse cannot fetch a URL: both images go inline.
      images: 'inline',
      reply: answer([{ text: CONTRACT_VISION_TEXT }]),
      expect: converse({ messages: [user({ text: 'What is in these images?' }, PNG, PNG)] }),
    },
    embeddings: {
      reply: json(
        200,
        {
          id: 'contract-embed',
          embeddings: CONTRACT_EMBEDDINGS,
          texts: ['first text', 'second text'],
          response_type: 'embeddings_floats',
        },
        {
          'x-amzn-requestid': REQUEST_ID,
          'x-amzn-bedrock-input-token-count': String(CONTRACT_EMBED_INPUT_TOKENS),
        },
      ),
      expect: request(INVOKE, {
        texts: ['first text', 'second text'],
        input_type: 'search_document',
        output_dimension: 3,
      }),
    },
    rerank: {
      reply: json(200, { results: CONTRACT_RERANK_RESULTS }, { 'x-amzn-requestid': REQUEST_ID }),
      expect: request(RERANK, {
        queries: [{ type: 'TEXT', textQuery: { text: 'Which city is the capital of Italy?' } }],
        sources: [
          'Paris is the capital of France.',
          'Berlin is the capital of Germany.',
          'Rome is the capital of Italy.',
        ].map((text) => ({ type: 'INLINE', inlineDocumentSource: { type: 'TEXT', textDocument: { text } } })),
        rerankingConfiguration: {
          type: 'BEDROCK_RERANKING_MODEL',
          bedrockRerankingConfiguration: {
            numberOfResults: 2,
            modelConfiguration: {
              modelArn: 'arn:aws:bedrock:us-east-1::foundation-model/contract-rerank-model',
            },
          },
        },
      }),
      // Rerank reports no usage.
      usageFields: [],
    },
    verify: {
      ok: {
        reply: json(200, { modelSummaries: [] }),
        expect: { method: 'GET', path: '/foundation-models', query: {}, headers: signedHeaders() },
      },
      // AWS refuses an unknown key with a 403 whose type says so.
      refused: {
        reply: json(
          403,
          { message: 'The security token included in the request is invalid.' },
          {
            'x-amzn-errortype':
              'UnrecognizedClientException:http://internal.amazon.com/coral/com.amazon.coral.service/',
          },
        ),
      },
    },
  },
});

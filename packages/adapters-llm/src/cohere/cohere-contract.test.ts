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
  CONTRACT_RERANK_USAGE,
  CONTRACT_TEXT,
  CONTRACT_TEXT_PIECES,
  CONTRACT_TOOL_CALL,
  CONTRACT_TOOL_RESULTS_TEXT,
  CONTRACT_USAGE,
  CONTRACT_VISION_TEXT,
  CONTRACT_WEATHER_TOOL,
  json,
  namedEvent,
  runAdapterContract,
  sse,
  type ExpectedRequest,
} from '../testing/index.js';
import { createCohereAdapter } from './cohere-adapter.js';

/** The shared adapter contract, against a mock speaking Cohere's v2 API. */

const API_KEY = 'co-contract-Zq8bT2mX4kP7vN1cR5wY9hJ3fL6d';
const HEADERS = { authorization: `Bearer ${API_KEY}` };
const CHAT = { method: 'POST', path: '/v2/chat' };
const EMBED = { method: 'POST', path: '/v2/embed' };
const RERANK = { method: 'POST', path: '/v2/rerank' };

const errorReply = (status: number, message: string, headers: OutgoingHttpHeaders = {}) =>
  json(status, { id: 'contract-error', message }, headers);

// ---- answers in Cohere's format ----

const usageOf = (input: number, output: number, cached?: number) => ({
  billed_units: { input_tokens: input, output_tokens: output },
  tokens: { input_tokens: input, output_tokens: output },
  ...(cached !== undefined ? { cached_tokens: cached } : {}),
});
const USAGE = usageOf(CONTRACT_USAGE.inputTokens!, CONTRACT_USAGE.outputTokens!);
const answer = (message: Record<string, unknown>, finishReason = 'COMPLETE', usage: unknown = USAGE) =>
  json(200, {
    id: 'contract-response',
    finish_reason: finishReason,
    message: { role: 'assistant', ...message },
    usage,
  });
const textAnswer = (text: string) => answer({ content: [{ type: 'text', text }] });
const toolCall = (call: { id: string; name: string; arguments: string }) => ({
  id: call.id,
  type: 'function',
  function: { name: call.name, arguments: call.arguments },
});

/** Cohere names each event (`event: content-delta`) and repeats the name as `type`. */
const event = (payload: { type: string } & Record<string, unknown>) => namedEvent(payload.type, payload);
const messageStart = event({
  type: 'message-start',
  id: 'contract-response',
  delta: { message: { role: 'assistant', content: [], tool_plan: '', tool_calls: [], citations: [] } },
});
const messageEnd = (finishReason: string) =>
  event({ type: 'message-end', delta: { finish_reason: finishReason, usage: USAGE } });
const textEvents = [
  messageStart,
  event({ type: 'content-start', index: 0, delta: { message: { content: { type: 'text', text: '' } } } }),
  ...CONTRACT_TEXT_PIECES.map((text) =>
    event({ type: 'content-delta', index: 0, delta: { message: { content: { text } } } }),
  ),
  event({ type: 'content-end', index: 0 }),
  messageEnd('COMPLETE'),
];
/** Up to and including the first text piece. */
const FIRST_TEXT = 3;

const parallelEvents = [
  messageStart,
  event({ type: 'tool-plan-delta', delta: { message: { tool_plan: 'I will look up both cities.' } } }),
  ...CONTRACT_PARALLEL_TOOL_CALLS.flatMap((call, index) => [
    event({
      type: 'tool-call-start',
      index,
      delta: {
        message: {
          tool_calls: { id: call.id, type: 'function', function: { name: call.name, arguments: '' } },
        },
      },
    }),
    ...CONTRACT_PARALLEL_FRAGMENTS[index]!.map((fragment) =>
      event({
        type: 'tool-call-delta',
        index,
        delta: { message: { tool_calls: { function: { arguments: fragment } } } },
      }),
    ),
    event({ type: 'tool-call-end', index }),
  ]),
  messageEnd('TOOL_CALL'),
];

// ---- requests Cohere must receive ----

const request = (path: string, body: unknown): ExpectedRequest => ({
  method: 'POST',
  path,
  query: {},
  headers: { ...HEADERS, 'content-type': 'application/json' },
  body,
});
const chatRequest = (body: Record<string, unknown>) =>
  request(CHAT.path, { model: 'contract-model', ...body });
const TEXT_BODY = {
  messages: [
    { role: 'system', content: 'You are terse.' },
    { role: 'user', content: 'Say hello.' },
  ],
  temperature: 0.5,
  max_tokens: 64,
};
const WEATHER_TOOL = {
  type: 'function',
  function: {
    name: CONTRACT_WEATHER_TOOL.name,
    description: CONTRACT_WEATHER_TOOL.description,
    parameters: CONTRACT_WEATHER_TOOL.parameters,
  },
};

runAdapterContract({
  name: 'Cohere',
  provider: 'cohere',
  createAdapter: (clients) => createCohereAdapter({ clients, timeoutMs: 500 }),
  credential: (mock) => ({ secret: { apiKey: API_KEY }, config: { baseUrl: mock.url } }),
  // Cohere's answers do not name the model: the adapter reports the one asked for.
  models: { answer: CONTRACT_MODEL },
  routes: { chat: CHAT, stream: CHAT, embed: EMBED, rerank: RERANK },
  errorReply,
  cases: {
    text: { reply: textAnswer(CONTRACT_TEXT), expect: chatRequest(TEXT_BODY) },
    usage: {
      reply: answer(
        { content: [{ type: 'text', text: 'A summary.' }] },
        'COMPLETE',
        usageOf(
          CONTRACT_DETAILED_USAGE.inputTokens,
          CONTRACT_DETAILED_USAGE.outputTokens,
          CONTRACT_DETAILED_USAGE.cachedInputTokens,
        ),
      ),
      expect: chatRequest({ messages: [{ role: 'user', content: 'Summarize the long document above.' }] }),
      // Cohere does not count reasoning tokens apart.
      fields: ['inputTokens', 'outputTokens', 'totalTokens', 'cachedInputTokens'],
    },
    streamText: {
      reply: sse(textEvents, { done: false }),
      expect: chatRequest({ ...TEXT_BODY, stream: true }),
    },
    midStreamError: {
      // Cohere ends a failed stream with message-end carrying the error.
      reply: sse(
        [
          ...textEvents.slice(0, FIRST_TEXT),
          event({ type: 'message-end', delta: { finish_reason: 'ERROR', error: CONTRACT_MID_STREAM_ERROR } }),
        ],
        { done: false },
      ),
      kind: 'error',
    },
    truncatedStream: { reply: sse(textEvents, { done: false, truncateAfter: FIRST_TEXT }) },
    stalledStream: { reply: sse(textEvents, { done: false, hangAfter: FIRST_TEXT }) },
    toolCall: {
      reply: answer(
        { tool_plan: 'I will look up the weather in Paris.', tool_calls: [toolCall(CONTRACT_TOOL_CALL)] },
        'TOOL_CALL',
      ),
      expect: chatRequest({
        messages: [{ role: 'user', content: 'What is the weather in Paris?' }],
        tools: [WEATHER_TOOL],
        tool_choice: 'REQUIRED',
      }),
    },
    parallelToolCalls: {
      reply: sse(parallelEvents, { done: false }),
      // `auto` is Cohere's default and not sent; Cohere has no parallel-calls switch.
      expect: chatRequest({
        messages: [{ role: 'user', content: 'Weather in Paris and Rome?' }],
        tools: [WEATHER_TOOL],
        stream: true,
      }),
    },
    toolResults: {
      reply: textAnswer(CONTRACT_TOOL_RESULTS_TEXT),
      expect: chatRequest({
        messages: [
          { role: 'user', content: 'Weather in Paris and Rome?' },
          { role: 'assistant', tool_calls: CONTRACT_PARALLEL_TOOL_CALLS.map(toolCall) },
          { role: 'tool', tool_call_id: 'callParis2', content: '{"celsius":18}' },
          { role: 'tool', tool_call_id: 'callRome02', content: '{"celsius":24}' },
        ],
        tools: [WEATHER_TOOL],
      }),
    },
    vision: {
      reply: textAnswer(CONTRACT_VISION_TEXT),
      expect: chatRequest({
        messages: [
          {
            role: 'user',
            content: [
              { type: 'text', text: 'What is in these images?' },
              { type: 'image_url', image_url: { url: 'https://example.com/cat.png' } },
              { type: 'image_url', image_url: { url: `data:image/png;base64,${CONTRACT_IMAGE_BASE64}` } },
            ],
          },
        ],
      }),
    },
    embeddings: {
      reply: json(200, {
        id: 'contract-embed',
        embeddings: { float: CONTRACT_EMBEDDINGS },
        texts: ['first text', 'second text'],
        meta: { api_version: { version: '2' }, billed_units: { input_tokens: CONTRACT_EMBED_INPUT_TOKENS } },
      }),
      expect: request(EMBED.path, {
        model: 'contract-embedding-model',
        texts: ['first text', 'second text'],
        input_type: 'search_document',
        embedding_types: ['float'],
        output_dimension: 3,
      }),
    },
    rerank: {
      reply: json(200, {
        id: 'contract-rerank',
        results: CONTRACT_RERANK_RESULTS.map((item) => ({
          index: item.index,
          relevance_score: item.relevanceScore,
        })),
        meta: {
          api_version: { version: '2' },
          billed_units: { search_units: CONTRACT_RERANK_USAGE.searchUnits },
        },
      }),
      expect: request(RERANK.path, {
        model: 'contract-rerank-model',
        query: 'Which city is the capital of Italy?',
        documents: [
          'Paris is the capital of France.',
          'Berlin is the capital of Germany.',
          'Rome is the capital of Italy.',
        ],
        top_n: 2,
      }),
      usageFields: ['searchUnits'],
    },
    verify: {
      ok: {
        reply: json(200, { valid: true, organization_id: 'org-contract', owner_id: 'owner-contract' }),
        expect: { method: 'POST', path: '/v1/check-api-key', headers: HEADERS },
      },
      // Cohere refuses an unknown key with a 200 that says so.
      refused: { reply: json(200, { valid: false }) },
    },
  },
});

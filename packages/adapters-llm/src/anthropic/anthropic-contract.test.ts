import type { OutgoingHttpHeaders } from 'node:http';
import {
  CONTRACT_ANSWER_MODEL,
  CONTRACT_DETAILED_USAGE,
  CONTRACT_IMAGE_BASE64,
  CONTRACT_MID_STREAM_ERROR,
  CONTRACT_PARALLEL_FRAGMENTS,
  CONTRACT_PARALLEL_TOOL_CALLS,
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
import { createAnthropicAdapter } from './anthropic-adapter.js';

/** The shared adapter contract, against a mock speaking the Messages API. */

const API_KEY = 'sk-ant-api03-contract0123456789abcdefghij';
const HEADERS = { 'x-api-key': API_KEY, 'anthropic-version': '2023-06-01' };
const MESSAGES = { method: 'POST', path: '/v1/messages' };

const ERROR_TYPES: Readonly<Record<number, string>> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  422: 'invalid_request_error',
  429: 'rate_limit_error',
  500: 'api_error',
  503: 'overloaded_error',
};
const errorReply = (status: number, message: string, headers: OutgoingHttpHeaders = {}) =>
  json(status, { type: 'error', error: { type: ERROR_TYPES[status] ?? 'api_error', message } }, headers);

// ---- answers in Anthropic's format ----

const message = (content: unknown[], stopReason: string, usage: Record<string, number>) => ({
  id: 'msg_contract01',
  type: 'message',
  role: 'assistant',
  model: CONTRACT_ANSWER_MODEL,
  content,
  stop_reason: stopReason,
  stop_sequence: null,
  usage,
});
const USAGE = { input_tokens: CONTRACT_USAGE.inputTokens!, output_tokens: CONTRACT_USAGE.outputTokens! };
const answer = (content: unknown[], stopReason = 'end_turn', usage: Record<string, number> = USAGE) =>
  json(200, message(content, stopReason, usage), { 'request-id': 'req_contract' });
const toolUse = (call: { id: string; name: string; arguments: string }) => ({
  type: 'tool_use',
  id: call.id,
  name: call.name,
  input: JSON.parse(call.arguments) as unknown,
});

/** A stream as Anthropic frames it: `event: <type>` + `data: <json>`, no [DONE]. */
const event = (payload: { type: string } & Record<string, unknown>) => namedEvent(payload.type, payload);
const messageStart = event({
  type: 'message_start',
  message: {
    ...message([], '', { input_tokens: CONTRACT_USAGE.inputTokens!, output_tokens: 1 }),
    stop_reason: null,
  },
});
const textEvents = [
  messageStart,
  event({ type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }),
  ...CONTRACT_TEXT_PIECES.map((text) =>
    event({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } }),
  ),
  event({ type: 'content_block_stop', index: 0 }),
  event({
    type: 'message_delta',
    delta: { stop_reason: 'end_turn', stop_sequence: null },
    usage: { output_tokens: CONTRACT_USAGE.outputTokens! },
  }),
  event({ type: 'message_stop' }),
];
/** Up to and including the first text piece. */
const FIRST_TEXT = 3;

const parallelEvents = [
  messageStart,
  ...CONTRACT_PARALLEL_TOOL_CALLS.flatMap((call, index) => [
    event({
      type: 'content_block_start',
      index,
      content_block: { type: 'tool_use', id: call.id, name: call.name, input: {} },
    }),
    ...CONTRACT_PARALLEL_FRAGMENTS[index]!.map((partial_json) =>
      event({ type: 'content_block_delta', index, delta: { type: 'input_json_delta', partial_json } }),
    ),
    event({ type: 'content_block_stop', index }),
  ]),
  event({
    type: 'message_delta',
    delta: { stop_reason: 'tool_use', stop_sequence: null },
    usage: { output_tokens: 30 },
  }),
  event({ type: 'message_stop' }),
];

// ---- requests Anthropic must receive ----

const request = (body: unknown): ExpectedRequest => ({
  ...MESSAGES,
  query: {},
  headers: { ...HEADERS, 'content-type': 'application/json' },
  absentHeaders: ['authorization'],
  body,
});
const TEXT_BODY = {
  model: 'contract-model',
  system: 'You are terse.',
  messages: [{ role: 'user', content: [{ type: 'text', text: 'Say hello.' }] }],
  max_tokens: 64,
  temperature: 0.5,
};
const WEATHER_TOOL = {
  name: CONTRACT_WEATHER_TOOL.name,
  description: CONTRACT_WEATHER_TOOL.description,
  input_schema: CONTRACT_WEATHER_TOOL.parameters,
};
const userText = (text: string) => ({ role: 'user', content: [{ type: 'text', text }] });

runAdapterContract({
  name: 'Anthropic',
  provider: 'anthropic',
  createAdapter: (clients) => createAnthropicAdapter({ clients, timeoutMs: 500 }),
  credential: (mock) => ({ secret: { apiKey: API_KEY }, config: { baseUrl: mock.urlFor('/v1') } }),
  routes: { chat: MESSAGES, stream: MESSAGES },
  errorReply,
  cases: {
    text: { reply: answer([{ type: 'text', text: CONTRACT_TEXT }]), expect: request(TEXT_BODY) },
    usage: {
      reply: answer([{ type: 'text', text: 'A summary.' }], 'end_turn', {
        // Anthropic counts the prompt in three disjoint parts.
        input_tokens: CONTRACT_DETAILED_USAGE.inputTokens - CONTRACT_DETAILED_USAGE.cachedInputTokens,
        cache_creation_input_tokens: 0,
        cache_read_input_tokens: CONTRACT_DETAILED_USAGE.cachedInputTokens,
        output_tokens: CONTRACT_DETAILED_USAGE.outputTokens,
      }),
      expect: request({
        model: 'contract-model',
        messages: [userText('Summarize the long document above.')],
        max_tokens: 4096,
      }),
      // Thinking is part of output_tokens; Anthropic does not count it apart.
      fields: ['inputTokens', 'outputTokens', 'totalTokens', 'cachedInputTokens'],
    },
    streamText: { reply: sse(textEvents, { done: false }), expect: request({ ...TEXT_BODY, stream: true }) },
    midStreamError: {
      reply: sse(
        [
          ...textEvents.slice(0, FIRST_TEXT),
          event({ type: 'error', error: { type: 'overloaded_error', message: CONTRACT_MID_STREAM_ERROR } }),
        ],
        { done: false },
      ),
      kind: 'unavailable',
    },
    truncatedStream: { reply: sse(textEvents, { done: false, truncateAfter: FIRST_TEXT }) },
    stalledStream: { reply: sse(textEvents, { done: false, hangAfter: FIRST_TEXT }) },
    toolCall: {
      reply: answer([toolUse(CONTRACT_TOOL_CALL)], 'tool_use'),
      expect: request({
        model: 'contract-model',
        messages: [userText('What is the weather in Paris?')],
        max_tokens: 4096,
        tools: [WEATHER_TOOL],
        tool_choice: { type: 'any' },
      }),
    },
    parallelToolCalls: {
      reply: sse(parallelEvents, { done: false }),
      expect: request({
        model: 'contract-model',
        messages: [userText('Weather in Paris and Rome?')],
        max_tokens: 4096,
        tools: [WEATHER_TOOL],
        tool_choice: { type: 'auto' },
        stream: true,
      }),
    },
    toolResults: {
      reply: answer([{ type: 'text', text: CONTRACT_TOOL_RESULTS_TEXT }]),
      expect: request({
        model: 'contract-model',
        messages: [
          userText('Weather in Paris and Rome?'),
          { role: 'assistant', content: CONTRACT_PARALLEL_TOOL_CALLS.map(toolUse) },
          {
            role: 'user',
            content: [
              { type: 'tool_result', tool_use_id: 'callParis2', content: '{"celsius":18}' },
              { type: 'tool_result', tool_use_id: 'callRome02', content: '{"celsius":24}' },
            ],
          },
        ],
        max_tokens: 4096,
        tools: [WEATHER_TOOL],
      }),
    },
    vision: {
      reply: answer([{ type: 'text', text: CONTRACT_VISION_TEXT }]),
      expect: request({
        model: 'contract-model',
        messages: [
          {
            role: 'user',
            content: [
              { type: 'text', text: 'What is in these images?' },
              { type: 'image', source: { type: 'url', url: 'https://example.com/cat.png' } },
              {
                type: 'image',
                source: { type: 'base64', media_type: 'image/png', data: CONTRACT_IMAGE_BASE64 },
              },
            ],
          },
        ],
        max_tokens: 4096,
      }),
    },
    verify: {
      ok: {
        reply: json(200, { data: [], has_more: false, first_id: null, last_id: null }),
        expect: {
          method: 'GET',
          path: '/v1/models',
          query: {},
          headers: HEADERS,
          absentHeaders: ['authorization'],
        },
      },
      refused: { reply: errorReply(401, 'invalid x-api-key') },
    },
  },
});

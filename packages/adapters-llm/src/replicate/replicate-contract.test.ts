import { STATUS_CODES, type OutgoingHttpHeaders } from 'node:http';
import {
  CONTRACT_DETAILED_USAGE,
  CONTRACT_MID_STREAM_ERROR,
  CONTRACT_TEXT,
  CONTRACT_TEXT_PIECES,
  CONTRACT_USAGE,
  json,
  namedEvent,
  runAdapterContract,
  sse,
  type ContractExchange,
  type ExpectedRequest,
  type MockHandler,
} from '../testing/index.js';
import { createReplicateAdapter } from './replicate-adapter.js';

/**
 * The shared adapter contract, against a mock speaking Replicate's predictions API. Replicate
 * declares chat, streaming and verification only (no tools, images, embeddings or rerank). A
 * streamed answer takes three requests: the prediction is created, its output read from the
 * `urls.stream` it names, then the finished prediction read once for its token counts.
 */

const TOKEN = 'r8_Contract7Hq2Lm9Xv4Rt8Wz1Ab3Cd';
const AUTH = { authorization: `Bearer ${TOKEN}` };
/** Replicate runs an official model by `owner/name`. */
const MODEL = 'contract/contract-model';
const CREATE = { method: 'POST', path: `/v1/models/${MODEL}/predictions` };
const ID = 'contractprediction01';
const STREAM = { method: 'GET', path: `/stream/${ID}` };
const PREDICTION = { method: 'GET', path: `/v1/predictions/${ID}` };

/** Replicate's errors are problem details; `detail` is the message. */
const errorReply = (status: number, message: string, headers: OutgoingHttpHeaders = {}) =>
  json(status, { title: STATUS_CODES[status] ?? 'Error', detail: message, status }, headers);

// ---- answers in Replicate's format ----

const prediction = (status: string, extra: Record<string, unknown> = {}) => ({
  id: ID,
  model: MODEL,
  version: 'hidden',
  status,
  error: null,
  urls: {},
  ...extra,
});
const metrics = (input: number, output: number) => ({
  input_token_count: input,
  output_token_count: output,
  predict_time: 0.29,
});
const USAGE_METRICS = metrics(CONTRACT_USAGE.inputTokens!, CONTRACT_USAGE.outputTokens!);
/** A prediction that succeeded within the synchronous wait; the output is an array of text pieces. */
const succeeded = (output: string[], usage = USAGE_METRICS) =>
  json(201, prediction('succeeded', { output, metrics: usage }));
/** A created prediction that streams from the mock's own origin, as the adapter requires over http. */
const startedStreaming: MockHandler = (request, response, context) =>
  json(
    201,
    prediction('starting', {
      output: null,
      urls: { stream: `http://${request.headers.host}${STREAM.path}` },
    }),
  )(request, response, context);
const outputEvents = [
  ...CONTRACT_TEXT_PIECES.map((piece) => namedEvent('output', piece)),
  namedEvent('done', {}),
];

// ---- requests Replicate must receive ----

const created = (body: unknown, streamed: boolean): ExpectedRequest => ({
  ...CREATE,
  query: {},
  headers: { ...AUTH, 'content-type': 'application/json', ...(streamed ? {} : { prefer: 'wait=60' }) },
  ...(streamed ? { absentHeaders: ['prefer'] } : {}),
  body,
});
const TEXT_INPUT = {
  prompt: 'Say hello.',
  system_prompt: 'You are terse.',
  max_tokens: 64,
  temperature: 0.5,
};
const createStreaming: ContractExchange = {
  reply: startedStreaming,
  expect: created({ input: TEXT_INPUT, stream: true }, true),
};
const streamFrom = (
  reply: MockHandler,
): { reply: MockHandler; lead: ContractExchange[]; at: typeof STREAM } => ({
  reply,
  lead: [createStreaming],
  at: STREAM,
});

runAdapterContract({
  name: 'Replicate',
  provider: 'replicate',
  createAdapter: (clients) => createReplicateAdapter({ clients, timeoutMs: 500 }),
  credential: (mock) => ({ secret: { apiToken: TOKEN }, config: { baseUrl: mock.urlFor('/v1') } }),
  // The prediction names the model it ran as `owner/name`, the one asked for.
  models: { chat: MODEL, answer: MODEL },
  routes: { chat: CREATE, stream: CREATE },
  errorReply,
  cases: {
    text: {
      reply: succeeded(['', ...CONTRACT_TEXT.split(/(?<=,)/)]),
      expect: created({ input: TEXT_INPUT }, false),
    },
    usage: {
      reply: succeeded(
        ['A summary.'],
        metrics(CONTRACT_DETAILED_USAGE.inputTokens, CONTRACT_DETAILED_USAGE.outputTokens),
      ),
      expect: created({ input: { prompt: 'Summarize the long document above.' } }, false),
      // Replicate counts input and output tokens only.
      fields: ['inputTokens', 'outputTokens', 'totalTokens'],
    },
    streamText: {
      reply: startedStreaming,
      expect: createStreaming.expect,
      then: [
        {
          reply: sse(outputEvents, { done: false }),
          expect: { ...STREAM, headers: { ...AUTH, accept: 'text/event-stream' } },
        },
        {
          reply: json(
            200,
            prediction('succeeded', { output: [...CONTRACT_TEXT_PIECES], metrics: USAGE_METRICS }),
          ),
          expect: { ...PREDICTION, headers: AUTH },
        },
      ],
    },
    midStreamError: {
      ...streamFrom(
        sse(
          [
            namedEvent('output', CONTRACT_TEXT_PIECES[0]),
            namedEvent('error', { detail: CONTRACT_MID_STREAM_ERROR }),
          ],
          {
            done: false,
          },
        ),
      ),
      kind: 'error',
    },
    truncatedStream: streamFrom(sse(outputEvents, { done: false, truncateAfter: 1 })),
    stalledStream: streamFrom(sse(outputEvents, { done: false, hangAfter: 1 })),
    verify: {
      ok: {
        reply: json(200, { type: 'user', username: 'contract', name: 'Contract', github_url: null }),
        expect: { method: 'GET', path: '/v1/account', query: {}, headers: AUTH },
      },
      refused: { reply: errorReply(401, 'You did not pass a valid authentication token') },
    },
  },
});

/**
 * Runs the mock provider with default answers, for benchmarks and manual tries: point a
 * credential's base URL at it and chat, stream or embed without a real provider.
 *
 *   pnpm --filter @integration-api/adapters-llm mock-server
 *
 * - OpenAI:        baseUrl  http://127.0.0.1:4010/v1
 * - Mistral:       baseUrl  http://127.0.0.1:4010/mistral/v1
 * - Azure OpenAI:  endpoint http://127.0.0.1:4010 (with or without apiVersion)
 *
 * Environment: MOCK_PORT (4010), MOCK_HOST (127.0.0.1), MOCK_CHUNK_DELAY_MS (0, pause before
 * each streamed chunk). The service must allow private upstreams to reach it.
 */
import type { MockHandler } from './mock-provider-server.js';
import { MockProviderServer } from './mock-provider-server.js';
import { json, sse } from './mock-replies.js';
import {
  chatCompletion,
  chatCompletionChunks,
  embeddingList,
  type CompletionStyle,
} from './openai-compatible-replies.js';

const ANSWER = ['Hello', ' from', ' the', ' mock', ' provider.'];

interface ChatBody {
  model?: string;
  stream?: boolean;
  tools?: { function?: { name?: string } }[];
  tool_choice?: unknown;
}

/** Answers a chat request: text, or a call of the first tool when the request demands one. */
function chatHandler(style: CompletionStyle, chunkDelayMs: number): MockHandler {
  return (request, response, context) => {
    const body = (request.json ?? {}) as ChatBody;
    const model = body.model ?? 'mock-model';
    const tool = body.tools?.[0]?.function?.name;
    const mustCall =
      tool !== undefined &&
      body.tool_choice !== undefined &&
      !['auto', 'none'].includes(String(body.tool_choice));
    const usage = { prompt: 10, completion: ANSWER.length };
    const toolCalls = mustCall ? [{ id: 'callMock01', name: tool, arguments: '{}' }] : [];
    if (!body.stream) {
      const answer = mustCall
        ? chatCompletion({ model, style, toolCalls, usage })
        : chatCompletion({ model, style, text: ANSWER.join(''), usage });
      return json(200, answer)(request, response, context);
    }
    const chunks = mustCall
      ? chatCompletionChunks({
          model,
          style,
          toolCalls: [{ id: 'callMock01', name: tool, fragments: ['{', '}'] }],
          usage,
        })
      : chatCompletionChunks({ model, style, text: ANSWER, usage });
    return sse(chunks, { delayMs: chunkDelayMs })(request, response, context);
  };
}

const embeddingsHandler: MockHandler = (request, response, context) => {
  const body = (request.json ?? {}) as {
    model?: string;
    input?: string | string[];
    dimensions?: number;
    output_dimension?: number;
  };
  const inputs = Array.isArray(body.input) ? body.input : [body.input ?? ''];
  const size = body.dimensions ?? body.output_dimension ?? 8;
  // Deterministic vectors: the same text always embeds the same way.
  const vectors = inputs.map((text) =>
    Array.from({ length: size }, (_, i) => Math.round(Math.sin(text.length * (i + 1)) * 1e6) / 1e6),
  );
  return json(
    200,
    embeddingList(vectors, { model: body.model ?? 'mock-embedding', promptTokens: inputs.length }),
  )(request, response, context);
};

const models = json(200, { object: 'list', data: [{ id: 'mock-model', object: 'model' }] });

async function main(): Promise<void> {
  const delay = Number(process.env.MOCK_CHUNK_DELAY_MS ?? 0);
  const server = await MockProviderServer.start({
    port: Number(process.env.MOCK_PORT ?? 4010),
    host: process.env.MOCK_HOST ?? '127.0.0.1',
    record: false,
  });
  server
    .route('POST', '/v1/chat/completions', chatHandler('openai', delay))
    .route('POST', '/v1/embeddings', embeddingsHandler)
    .route('GET', '/v1/models', models)
    .route('POST', '/mistral/v1/chat/completions', chatHandler('mistral', delay))
    .route('POST', '/mistral/v1/embeddings', embeddingsHandler)
    .route('GET', '/mistral/v1/models', models)
    .route('POST', /^\/openai\/(v1|deployments\/[^/]+)\/chat\/completions$/, chatHandler('azure', delay))
    .route('POST', /^\/openai\/(v1|deployments\/[^/]+)\/embeddings$/, embeddingsHandler)
    .route('GET', /^\/openai(\/v1)?\/models$/, models);
  process.stdout.write(`mock provider listening on ${server.url}\n`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();

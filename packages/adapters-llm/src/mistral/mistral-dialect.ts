import type { OpenAICompatibleDialect } from '../openai-compatible/openai-compatible-dialect.js';

/**
 * Mistral's spelling of the chat-completions format: `max_tokens`, `random_seed`, `any` for a
 * required tool call, tool names on tool results, `output_dimension` for embeddings. Its streams
 * carry usage on the finishing chunk unasked, so no stream_options is sent. Its reasoning models
 * take `reasoning_effort` as `none` or `high` only: any effort we are asked for means `high`.
 */
export const MISTRAL_DIALECT: OpenAICompatibleDialect = {
  provider: 'mistral',
  maxTokensField: 'max_tokens',
  seedField: 'random_seed',
  requiredToolChoice: 'any',
  streamUsageOption: false,
  toolMessageName: true,
  dimensionsField: 'output_dimension',
  reasoningEffort: () => 'high',
  requestIdHeaders: ['mistral-correlation-id'],
  streamEndsWithDone: true,
};

import type { OpenAICompatibleDialect } from '../openai-compatible/openai-compatible-dialect.js';

/**
 * Hugging Face's spelling of the chat-completions format, for the Inference Providers router and
 * for dedicated endpoints running TGI or vLLM. Their chat-completion spec (taken from TGI) knows
 * `max_tokens` and `seed`, `required` for a forced tool call, `stream_options.include_usage` for
 * a usage chunk at the end of a stream, and no name on tool results. `reasoning_effort` is passed
 * as is: the router hands it to the providers whose models take it. Streams end with
 * `data: [DONE]` (the router; TGI since 2.2), so a stream without it was cut.
 */
export const HUGGINGFACE_DIALECT: OpenAICompatibleDialect = {
  provider: 'huggingface',
  maxTokensField: 'max_tokens',
  seedField: 'seed',
  requiredToolChoice: 'required',
  streamUsageOption: true,
  toolMessageName: false,
  // Unused: embeddings go through feature-extraction, not `/embeddings`.
  dimensionsField: 'dimensions',
  reasoningEffort: (effort) => effort,
  requestIdHeaders: ['x-request-id'],
  streamEndsWithDone: true,
};

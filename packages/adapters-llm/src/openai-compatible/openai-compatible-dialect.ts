import type { ProviderId, ReasoningEffort } from '@integration-api/core';

/**
 * What one provider changes in the OpenAI chat-completions format. Everything else (messages,
 * tools, answers, streams) is shared.
 */
export interface OpenAICompatibleDialect {
  readonly provider: ProviderId;
  /** OpenAI deprecated `max_tokens` (reasoning models refuse it); Mistral only knows `max_tokens`. */
  readonly maxTokensField: 'max_completion_tokens' | 'max_tokens';
  readonly seedField: 'seed' | 'random_seed';
  /** How "the model must call a tool" is spelled. */
  readonly requiredToolChoice: 'required' | 'any';
  /** Ask for the usage-only final chunk with `stream_options.include_usage`. */
  readonly streamUsageOption: boolean;
  /** Send the tool's name on tool-result messages (Mistral accepts it; OpenAI has no such field). */
  readonly toolMessageName: boolean;
  readonly dimensionsField: 'dimensions' | 'output_dimension';
  /** The provider's `reasoning_effort` value for ours; undefined leaves the field out. */
  readonly reasoningEffort: (effort: ReasoningEffort) => string | undefined;
  /** Response headers that carry the provider's request id, first match wins; else the body's id. */
  readonly requestIdHeaders: readonly string[];
  /**
   * The stream ends with `data: [DONE]` (OpenAI, Azure, Mistral); a stream without it was cut.
   * When false, a stream that ends cleanly after a finish_reason is complete.
   */
  readonly streamEndsWithDone: boolean;
}

/** OpenAI's own API; Azure OpenAI speaks it too. */
export function openAIDialect(
  provider: ProviderId,
  requestIdHeaders: readonly string[],
): OpenAICompatibleDialect {
  return {
    provider,
    maxTokensField: 'max_completion_tokens',
    seedField: 'seed',
    requiredToolChoice: 'required',
    streamUsageOption: true,
    toolMessageName: false,
    dimensionsField: 'dimensions',
    reasoningEffort: (effort) => effort,
    requestIdHeaders,
    streamEndsWithDone: true,
  };
}

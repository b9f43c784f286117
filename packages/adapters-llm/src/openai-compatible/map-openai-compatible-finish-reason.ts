import type { FinishReason } from '@integration-api/core';

const FINISH_REASONS: Readonly<Record<string, FinishReason>> = {
  stop: 'stop',
  length: 'length',
  // Mistral: the model's context, not max_tokens, ran out.
  model_length: 'length',
  tool_calls: 'tool_calls',
  // The legacy single-function calling.
  function_call: 'tool_calls',
  content_filter: 'content_filter',
  error: 'error',
  // Hugging Face TGI before 2.2 names the end of generation after its cause.
  eos_token: 'stop',
  stop_sequence: 'stop',
};

export interface FinishContext {
  /** The answer holds tool calls. */
  readonly hasToolCalls?: boolean;
  /** The model refused (OpenAI's `refusal`). */
  readonly refused?: boolean;
}

/**
 * The provider's finish_reason in our terms. Some compatible servers say `stop` (or nothing)
 * when the answer is tool calls, and a refusal also ends with `stop`: neither may pass for a
 * plain stop.
 */
export function mapOpenAICompatibleFinishReason(
  raw: string | null | undefined,
  context: FinishContext = {},
): FinishReason {
  const mapped: FinishReason = raw ? (FINISH_REASONS[raw] ?? 'other') : 'other';
  if (context.refused && mapped === 'stop') return 'content_filter';
  if (context.hasToolCalls && (mapped === 'stop' || !raw)) return 'tool_calls';
  return mapped;
}

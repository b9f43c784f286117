import type { Usage } from '@integration-api/core';
import type { CohereUsage } from './cohere-api.js';

/**
 * Cohere reports two counts: `tokens` (what the model processed, prompt template included) and
 * `billed_units` (what is charged, template excluded). `tokens` is what the context window and the
 * cache counts refer to, so it wins; `billed_units` fills in when `tokens` is absent.
 * `cached_tokens` is part of the input count, not added to it.
 */
export function convertCohereUsage(usage: CohereUsage | null | undefined): Usage {
  if (!usage) return {};
  const inputTokens = count(usage.tokens?.input_tokens) ?? count(usage.billed_units?.input_tokens);
  const outputTokens = count(usage.tokens?.output_tokens) ?? count(usage.billed_units?.output_tokens);
  const cachedInputTokens = count(usage.cached_tokens);
  return {
    ...(inputTokens !== undefined ? { inputTokens } : {}),
    ...(outputTokens !== undefined ? { outputTokens } : {}),
    ...(inputTokens !== undefined && outputTokens !== undefined
      ? { totalTokens: inputTokens + outputTokens }
      : {}),
    ...(cachedInputTokens !== undefined ? { cachedInputTokens } : {}),
  };
}

function count(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

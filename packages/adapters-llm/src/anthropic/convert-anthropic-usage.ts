import type { Usage } from '@integration-api/core';
import type { AnthropicUsage } from './anthropic-api.js';

/**
 * Anthropic's usage in our terms. Anthropic splits the prompt in three disjoint counts:
 * `input_tokens` (after the last cache breakpoint), `cache_creation_input_tokens` (written to the
 * cache) and `cache_read_input_tokens` (served from it). We report the whole prompt as
 * `inputTokens` (the sum of the three, as OpenAI's `prompt_tokens` does) and the cache hits, a
 * part of it, as `cachedInputTokens`, so no token is counted twice or dropped. Thinking tokens
 * are part of `output_tokens`; `reasoningTokens` repeats them when Anthropic reports them.
 * Streams and whole responses go through this one function.
 */
export function convertAnthropicUsage(usage: AnthropicUsage | null | undefined): Usage {
  if (!usage) return {};
  const input = count(usage.input_tokens);
  const cacheWrite = count(usage.cache_creation_input_tokens);
  const cacheRead = count(usage.cache_read_input_tokens);
  const output = count(usage.output_tokens);
  const reasoning = count(usage.output_tokens_details?.thinking_tokens);

  const anyInput = input !== undefined || cacheWrite !== undefined || cacheRead !== undefined;
  const inputTokens = anyInput ? (input ?? 0) + (cacheWrite ?? 0) + (cacheRead ?? 0) : undefined;
  return {
    ...(inputTokens !== undefined ? { inputTokens } : {}),
    ...(output !== undefined ? { outputTokens: output } : {}),
    ...(inputTokens !== undefined && output !== undefined ? { totalTokens: inputTokens + output } : {}),
    ...(cacheRead !== undefined ? { cachedInputTokens: cacheRead } : {}),
    ...(reasoning !== undefined ? { reasoningTokens: reasoning } : {}),
  };
}

/**
 * Overlays a later usage report on an earlier one, field by field. A stream's `message_delta`
 * carries cumulative counts that replace those of `message_start`, and may leave some out.
 */
export function mergeAnthropicUsage(
  base: AnthropicUsage,
  update: AnthropicUsage | null | undefined,
): AnthropicUsage {
  if (!update) return base;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(update)) {
    if (value !== null && value !== undefined) merged[key] = value;
  }
  return merged as AnthropicUsage;
}

function count(value: number | null | undefined): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

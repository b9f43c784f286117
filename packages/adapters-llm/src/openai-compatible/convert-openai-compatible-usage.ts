import type { Usage } from '@integration-api/core';
import type { OpenAICompatibleUsage } from './openai-compatible-api.js';

/**
 * The provider's token counts in our terms; fields it did not report stay absent (a reported 0
 * is kept). Cached prompt tokens are part of `prompt_tokens` and reasoning tokens part of
 * `completion_tokens`, as in our Usage.
 */
export function convertOpenAICompatibleUsage(usage: OpenAICompatibleUsage | null | undefined): Usage {
  if (!usage || typeof usage !== 'object') return {};
  const fields: [keyof Usage, unknown][] = [
    ['inputTokens', usage.prompt_tokens],
    ['outputTokens', usage.completion_tokens],
    ['totalTokens', usage.total_tokens],
    ['cachedInputTokens', usage.prompt_tokens_details?.cached_tokens],
    ['reasoningTokens', usage.completion_tokens_details?.reasoning_tokens],
  ];
  const converted: { -readonly [K in keyof Usage]: Usage[K] } = {};
  for (const [key, value] of fields) {
    if (typeof value === 'number' && Number.isFinite(value)) converted[key] = value;
  }
  return converted;
}

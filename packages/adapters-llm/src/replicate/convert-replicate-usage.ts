import type { Usage } from '@integration-api/core';
import { isRecord } from './replicate-api.js';

/**
 * A prediction's `metrics` as our usage. Official language models count `input_token_count` and
 * `output_token_count`; other models report only `predict_time` (compute seconds), which is not
 * a token count and is left out, so their usage is empty.
 */
export function convertReplicateUsage(metrics: unknown): Usage {
  if (!isRecord(metrics)) return {};
  const inputTokens = count(metrics.input_token_count);
  const outputTokens = count(metrics.output_token_count);
  return {
    ...(inputTokens !== undefined ? { inputTokens } : {}),
    ...(outputTokens !== undefined ? { outputTokens } : {}),
    ...(inputTokens !== undefined && outputTokens !== undefined
      ? { totalTokens: inputTokens + outputTokens }
      : {}),
  };
}

function count(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined;
}

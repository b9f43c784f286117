import type { Usage } from '@integration-api/core';
import type { AwsBedrockUsage } from './aws-bedrock-api.js';

/**
 * Converse usage in our terms. Like Anthropic's, Bedrock's `inputTokens` counts only the prompt
 * after the cache: cache reads and writes are reported beside it. We report the whole prompt as
 * `inputTokens` (the sum of the three) and the cache reads, a part of it, as `cachedInputTokens`,
 * the same as the Anthropic adapter, so a Claude call costs the same tokens through either. The
 * total is ours (input plus output), for the same reason. Reasoning is inside `outputTokens`;
 * Bedrock does not count it apart.
 */
export function convertAwsBedrockUsage(usage: AwsBedrockUsage | null | undefined): Usage {
  if (!usage) return {};
  const input = count(usage.inputTokens);
  const cacheRead = count(usage.cacheReadInputTokens);
  const cacheWrite = count(usage.cacheWriteInputTokens);
  const output = count(usage.outputTokens);

  const anyInput = input !== undefined || cacheRead !== undefined || cacheWrite !== undefined;
  const inputTokens = anyInput ? (input ?? 0) + (cacheRead ?? 0) + (cacheWrite ?? 0) : undefined;
  const totalTokens =
    inputTokens !== undefined && output !== undefined ? inputTokens + output : count(usage.totalTokens);
  return {
    ...(inputTokens !== undefined ? { inputTokens } : {}),
    ...(output !== undefined ? { outputTokens: output } : {}),
    ...(totalTokens !== undefined ? { totalTokens } : {}),
    ...(cacheRead !== undefined ? { cachedInputTokens: cacheRead } : {}),
  };
}

function count(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

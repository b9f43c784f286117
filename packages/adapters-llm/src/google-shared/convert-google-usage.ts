import type { Usage } from '@integration-api/core';
import type { GoogleUsageMetadata } from './google-api.js';

/**
 * Google's token counts as ours. Google counts thoughts apart from the answer
 * (`candidatesTokenCount` excludes `thoughtsTokenCount`; the total includes both), while our
 * output tokens include reasoning, as OpenAI's do: output = candidates + thoughts. Tokens of
 * tool-use prompts (server tools) are input. Absent counts stay absent.
 */
export function convertGoogleUsage(metadata: GoogleUsageMetadata | undefined): Usage {
  if (!metadata) return {};
  const {
    promptTokenCount,
    candidatesTokenCount,
    thoughtsTokenCount,
    toolUsePromptTokenCount,
    totalTokenCount,
    cachedContentTokenCount,
  } = metadata;
  const input = sum(promptTokenCount, toolUsePromptTokenCount);
  const output = sum(candidatesTokenCount, thoughtsTokenCount);
  return {
    ...(input !== undefined ? { inputTokens: input } : {}),
    ...(output !== undefined ? { outputTokens: output } : {}),
    ...(isCount(totalTokenCount) ? { totalTokens: totalTokenCount } : {}),
    ...(isCount(cachedContentTokenCount) ? { cachedInputTokens: cachedContentTokenCount } : {}),
    ...(isCount(thoughtsTokenCount) ? { reasoningTokens: thoughtsTokenCount } : {}),
  };
}

/** Whether the metadata holds any count (Vertex stream chunks carry only `trafficType`). */
export function hasTokenCounts(metadata: GoogleUsageMetadata | undefined): boolean {
  return Object.keys(convertGoogleUsage(metadata)).length > 0;
}

function sum(a: number | undefined, b: number | undefined): number | undefined {
  if (!isCount(a) && !isCount(b)) return undefined;
  return (isCount(a) ? a : 0) + (isCount(b) ? b : 0);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

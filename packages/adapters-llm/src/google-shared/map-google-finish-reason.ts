import type { FinishReason } from '@integration-api/core';

const CONTENT_FILTER: ReadonlySet<string> = new Set([
  'SAFETY',
  'RECITATION',
  'BLOCKLIST',
  'PROHIBITED_CONTENT',
  'SPII',
  'IMAGE_SAFETY',
  'IMAGE_PROHIBITED_CONTENT',
  'IMAGE_RECITATION',
]);

/** The model produced something unusable: a broken call, a call to no declared tool… */
const ERROR: ReadonlySet<string> = new Set([
  'MALFORMED_FUNCTION_CALL',
  'UNEXPECTED_TOOL_CALL',
  'TOO_MANY_TOOL_CALLS',
  'MISSING_THOUGHT_SIGNATURE',
  'MALFORMED_RESPONSE',
]);

/**
 * Google's finish reason as ours. Gemini reports `STOP` even when the answer calls functions (it
 * has no tool-specific reason), so the caller says whether the answer holds calls.
 */
export function mapGoogleFinishReason(raw: string | undefined, hasToolCalls: boolean): FinishReason {
  if (raw === 'STOP') return hasToolCalls ? 'tool_calls' : 'stop';
  if (raw === 'MAX_TOKENS') return 'length';
  if (raw !== undefined && CONTENT_FILTER.has(raw)) return 'content_filter';
  if (raw !== undefined && ERROR.has(raw)) return 'error';
  // OTHER, LANGUAGE, FINISH_REASON_UNSPECIFIED, NO_IMAGE and reasons added later.
  return 'other';
}

import type { FinishReason } from '@integration-api/core';

/**
 * Converse's `stopReason` in our terms. A guardrail or content filter that stopped the answer
 * must not read as a normal stop. Unknown or missing reasons (`malformed_model_output`,
 * `malformed_tool_use`, new ones) are `other`; callers keep the raw value beside it.
 */
export function mapAwsBedrockFinishReason(reason: string | null | undefined): FinishReason {
  switch (reason) {
    case 'end_turn':
    case 'stop_sequence':
      return 'stop';
    case 'max_tokens':
    case 'model_context_window_exceeded':
      return 'length';
    case 'tool_use':
      return 'tool_calls';
    case 'guardrail_intervened':
    case 'content_filtered':
      return 'content_filter';
    default:
      return 'other';
  }
}

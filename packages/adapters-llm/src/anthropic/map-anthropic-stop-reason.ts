import type { FinishReason } from '@integration-api/core';

/**
 * Anthropic's `stop_reason` in our terms. A refusal must not read as a normal stop, and a
 * `pause_turn` (a server tool paused a long turn; the caller should send the turn back to
 * continue) is neither done nor failed. Unknown or missing reasons are `other`; callers keep the
 * raw value beside it.
 */
export function mapAnthropicStopReason(reason: string | null | undefined): FinishReason {
  switch (reason) {
    case 'end_turn':
    case 'stop_sequence':
      return 'stop';
    case 'max_tokens':
    case 'model_context_window_exceeded':
      return 'length';
    case 'tool_use':
      return 'tool_calls';
    case 'refusal':
      return 'content_filter';
    default:
      return 'other';
  }
}

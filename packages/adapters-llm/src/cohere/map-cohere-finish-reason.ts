import type { FinishReason } from '@integration-api/core';

/**
 * Cohere's `finish_reason` as ours. ERROR and TIMEOUT are failures of the generation itself;
 * ERROR_TOXIC (a v1 value some deployments still send) is a content filter stop.
 */
export function mapCohereFinishReason(reason: string | null | undefined): FinishReason {
  switch (reason) {
    case 'COMPLETE':
    case 'STOP_SEQUENCE':
      return 'stop';
    case 'MAX_TOKENS':
      return 'length';
    case 'TOOL_CALL':
      return 'tool_calls';
    case 'ERROR':
    case 'TIMEOUT':
      return 'error';
    case 'ERROR_TOXIC':
      return 'content_filter';
    default:
      return 'other';
  }
}

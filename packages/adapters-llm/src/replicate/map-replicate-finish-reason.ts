import type { FinishReason } from '@integration-api/core';

/**
 * A final prediction status as a finish reason. Replicate says only whether the prediction
 * `succeeded`, not why generation stopped (end of turn or the token limit), so a success is
 * `stop`; failures and cancellations are thrown by the adapter rather than returned.
 */
export function mapReplicateFinishReason(status: string | undefined): FinishReason {
  switch (status) {
    case 'succeeded':
      return 'stop';
    case 'failed':
      return 'error';
    default:
      return 'other';
  }
}

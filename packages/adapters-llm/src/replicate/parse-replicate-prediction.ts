import { ProviderError, type ProviderChatResult } from '@integration-api/core';
import { isRecord, TERMINAL_STATUSES, type ReplicatePrediction } from './replicate-api.js';
import { convertReplicateUsage } from './convert-replicate-usage.js';
import { replicatePredictionError } from './replicate-error.js';
import { mapReplicateFinishReason } from './map-replicate-finish-reason.js';

/** Checks that an answer is a prediction: it needs an id and a status; everything else may be missing. */
export function parseReplicatePrediction(body: unknown): ReplicatePrediction {
  if (!isRecord(body) || typeof body.id !== 'string' || !body.id || typeof body.status !== 'string') {
    throw new ProviderError('error', 'replicate', 'the answer is not a prediction');
  }
  return body as unknown as ReplicatePrediction;
}

export function isTerminal(prediction: Pick<ReplicatePrediction, 'status'>): boolean {
  return TERMINAL_STATUSES.has(prediction.status);
}

/**
 * A finished prediction as our chat result. A language model's output is an array of text
 * pieces (joined as they are) or one string; `failed`, `canceled` and `aborted` predictions are
 * thrown as ProviderError. `model` is the model Replicate ran (`owner/name`) when it says.
 */
export function parseReplicateChatResult(
  prediction: ReplicatePrediction,
  secrets: readonly string[],
): ProviderChatResult {
  if (!isTerminal(prediction)) {
    throw new ProviderError('error', 'replicate', `the prediction is still ${prediction.status}`);
  }
  if (prediction.status !== 'succeeded') throw replicatePredictionError(prediction, secrets);
  return {
    message: { text: replicateOutputText(prediction.output), toolCalls: [] },
    finishReason: mapReplicateFinishReason(prediction.status),
    rawFinishReason: prediction.status,
    usage: convertReplicateUsage(prediction.metrics),
    ...(typeof prediction.model === 'string' && prediction.model ? { model: prediction.model } : {}),
    providerRequestId: prediction.id,
  };
}

/** A language model's output as text; anything else (file URLs, objects) is not a chat answer. */
export function replicateOutputText(output: unknown): string {
  if (output === undefined || output === null) return '';
  if (typeof output === 'string') return output;
  if (Array.isArray(output) && output.every((piece) => typeof piece === 'string')) return output.join('');
  throw new ProviderError('error', 'replicate', "the model's output is not text");
}

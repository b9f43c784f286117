import { setTimeout as sleep } from 'node:timers/promises';
import { CancelledError, ProviderError } from '@integration-api/core';
import type { ReplicatePrediction } from './replicate-api.js';
import { isTerminal } from './parse-replicate-prediction.js';

export interface ReplicatePollingOptions {
  /** The wait before the first poll; each later wait is 1.5 times longer, up to maxDelayMs. */
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
  /** How long to keep polling before giving up (as a `timeout`); the caller's signal may end it sooner. */
  readonly maxWaitMs: number;
  /** Polls that fail in a row (network, 5xx, 429) before the failure is thrown. */
  readonly maxConsecutiveFailures: number;
}

export const DEFAULT_REPLICATE_POLLING: ReplicatePollingOptions = {
  initialDelayMs: 500,
  maxDelayMs: 5_000,
  // Cold boots of a model can take minutes.
  maxWaitMs: 600_000,
  maxConsecutiveFailures: 3,
};

/** The wait before poll number `attempt` (from 0). */
export function replicatePollDelayMs(attempt: number, options: ReplicatePollingOptions): number {
  return Math.min(options.maxDelayMs, Math.round(options.initialDelayMs * 1.5 ** attempt));
}

export interface WaitForReplicatePredictionOptions {
  /** Reads the prediction again (`GET /predictions/{id}`). */
  readonly poll: (signal: AbortSignal) => Promise<ReplicatePrediction>;
  readonly signal: AbortSignal;
  readonly polling: ReplicatePollingOptions;
}

/**
 * Polls a prediction with backoff until its status is final, and returns it. Throws
 * CancelledError as soon as the signal aborts, ProviderError `timeout` after maxWaitMs, and a
 * poll's failure once maxConsecutiveFailures transient failures came in a row (a refused poll,
 * 401 or 404, at once). It never cancels the prediction itself: that is the caller's to do.
 */
export async function waitForReplicatePrediction(
  prediction: ReplicatePrediction,
  options: WaitForReplicatePredictionOptions,
): Promise<ReplicatePrediction> {
  const { poll, signal, polling } = options;
  const deadline = Date.now() + polling.maxWaitMs;
  let current = prediction;
  let failures = 0;
  for (let attempt = 0; !isTerminal(current); attempt += 1) {
    const left = deadline - Date.now();
    if (left <= 0) {
      throw new ProviderError(
        'timeout',
        'replicate',
        `the prediction was still ${current.status} after ${Math.round(polling.maxWaitMs / 1000)} s`,
      );
    }
    await pause(Math.min(replicatePollDelayMs(attempt, polling), left), signal);
    try {
      current = await poll(signal);
      failures = 0;
    } catch (error) {
      if (signal.aborted) throw error instanceof CancelledError ? error : new CancelledError();
      failures += 1;
      if (!isTransient(error) || failures >= polling.maxConsecutiveFailures) throw error;
    }
  }
  return current;
}

async function pause(ms: number, signal: AbortSignal): Promise<void> {
  try {
    await sleep(ms, undefined, { signal });
  } catch {
    throw new CancelledError();
  }
}

function isTransient(error: unknown): boolean {
  return (
    error instanceof ProviderError &&
    (error.kind === 'unavailable' || error.kind === 'timeout' || error.kind === 'rate_limited')
  );
}

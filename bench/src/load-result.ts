import type { LatencySummary } from './stats.js';

/** What one load phase measured against one target. */
export interface LoadResult {
  /** Successful (2xx / OK) answers. */
  readonly ok: number;
  /** Answers with another status, connection errors and timeouts. */
  readonly failed: number;
  readonly seconds: number;
  /** Successful answers per second. */
  readonly rps: number;
  /** Latency of the successful answers. */
  readonly latency: LatencySummary;
}

/** How long a phase runs: for a time, or until an amount of requests has been answered. */
export type PhaseLength = { readonly seconds: number } | { readonly amount: number };

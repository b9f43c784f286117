import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * How an idle figure was reached. A service that has just stopped working still holds its garbage:
 * V8 collects it once the process has been quiet for some seconds (its memory reducer), and RSS
 * falls only then.
 */
export interface IdleWait {
  /** RSS when the wait ended, MiB. */
  readonly rssMiB: number;
  /** Seconds without requests when it was read. */
  readonly seconds: number;
  /** Major collections during the wait (0: it ended at the cap, none came). */
  readonly majorCollections: number;
  /** Those of them that were memory-reducing (`Mark-Compact (reduce)`, V8's memory reducer). */
  readonly reducingCollections: number;
  /**
   * The heap in use after the last major collection of the wait, MB: what is alive when the
   * service is idle. Undefined when no collection came.
   */
  readonly liveHeapMB?: number;
  /** RSS through the wait, every `sampleMs` (seconds without requests → MiB). */
  readonly series: readonly { readonly seconds: number; readonly rssMiB: number }[];
}

export interface IdleWaitOptions {
  /** When the last request ended (`performance.now()`): the seconds are counted from there. */
  readonly idleSince: number;
  /** When the wait began (default `idleSince`): only collections from then on count, and the cap runs from then. */
  readonly from?: number;
  readonly rss: () => number;
  /** The service's major collections so far, each with its time on `performance.now()`'s clock. */
  readonly collections: () => readonly {
    readonly at: number;
    readonly reducing: boolean;
    readonly heapAfterMB: number;
  }[];
  readonly sampleMs?: number;
  /** How long to go on after the first major collection of the wait, for RSS to follow it. */
  readonly settleMs?: number;
  /** The longest wait, from `from`. */
  readonly maxMs?: number;
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<unknown>;
}

/**
 * Waits, sending nothing, until a major collection has happened since the wait began and
 * `settleMs` more have passed, or at most `maxMs`; samples RSS every `sampleMs` meanwhile and
 * returns the last sample.
 */
export async function waitUntilIdle(options: IdleWaitOptions): Promise<IdleWait> {
  const now = options.now ?? (() => performance.now());
  const pause = options.sleep ?? ((ms: number) => sleep(ms));
  const sampleMs = options.sampleMs ?? 500;
  const settleMs = options.settleMs ?? 2_000;
  const from = options.from ?? options.idleSince;
  const cap = from + (options.maxMs ?? 30_000);
  const series: { seconds: number; rssMiB: number }[] = [];
  for (;;) {
    const t = now();
    const during = options.collections().filter((c) => c.at >= from);
    const rssMiB = options.rss();
    const seconds = (t - options.idleSince) / 1000;
    series.push({ seconds, rssMiB });
    const until = during.length > 0 ? Math.min(cap, during[0]!.at + settleMs) : cap;
    if (t >= until) {
      return {
        rssMiB,
        seconds,
        majorCollections: during.length,
        reducingCollections: during.filter((c) => c.reducing).length,
        ...(during.length > 0 ? { liveHeapMB: during.at(-1)!.heapAfterMB } : {}),
        series,
      };
    }
    await pause(sampleMs);
  }
}

import { performance } from 'node:perf_hooks';
import type { LoadResult, PhaseLength } from './load-result.js';
import { Samples } from './stats.js';

export interface CallLoopOptions {
  /** One request; resolves on success, rejects on failure. */
  readonly call: () => Promise<unknown>;
  /** Calls in flight at any time. */
  readonly concurrency: number;
  readonly length: PhaseLength;
}

/**
 * The closed-loop client for what autocannon cannot drive (gRPC): `concurrency` workers, each
 * sending its next call when the previous one answered, until the time is up or the amount done.
 */
export async function runCallLoop(options: CallLoopOptions): Promise<LoadResult> {
  const samples = new Samples();
  let failed = 0;
  let started = 0;
  const amount = 'amount' in options.length ? options.length.amount : Infinity;
  const begin = performance.now();
  const deadline = 'seconds' in options.length ? begin + options.length.seconds * 1000 : Infinity;
  let last = begin;

  const worker = async () => {
    while (started < amount && performance.now() < deadline) {
      started += 1;
      const t0 = performance.now();
      try {
        await options.call();
        last = performance.now();
        samples.add(last - t0);
      } catch {
        failed += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const seconds = (last - begin) / 1000;
  return { ok: samples.count, failed, seconds, rps: samples.count / seconds, latency: samples.summary() };
}

import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import type { LoadResult, PhaseLength } from './load-result.js';
import { Samples } from './stats.js';

/** One HTTP request, sent again and again. */
export interface HttpRequestSpec {
  /** Full URL, `http://127.0.0.1:4010/v1/chat/completions`. */
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  /** A JSON body to POST; absent: a GET. */
  readonly body?: string;
}

export interface HttpLoadOptions {
  readonly request: HttpRequestSpec;
  readonly connections: number;
  readonly length: PhaseLength;
  /** Called on every successful answer (the memory phase counts them). */
  readonly onResponse?: () => void;
}

/**
 * Runs autocannon (programmatic API, keep-alive, no pipelining) against one target. Latencies are
 * taken from its per-response event as floats: its own histogram rounds to whole milliseconds,
 * too coarse for an overhead measured in tenths of one.
 */
export async function runHttpLoad(options: HttpLoadOptions): Promise<LoadResult> {
  const samples = new Samples();
  let failed = 0;
  let last = 0;
  const started = performance.now();
  const instance = autocannon({
    url: options.request.url,
    ...(options.request.body === undefined
      ? { method: 'GET' as const, headers: { ...options.request.headers } }
      : {
          method: 'POST' as const,
          headers: { 'content-type': 'application/json', ...options.request.headers },
          body: options.request.body,
        }),
    connections: options.connections,
    pipelining: 1,
    timeout: 30,
    ...('amount' in options.length
      ? { amount: options.length.amount }
      : { duration: options.length.seconds }),
  });
  // Without a callback autocannon returns an event emitter that is also a promise of the result;
  // the typings know only the promise.
  const events = instance as unknown as NodeJS.EventEmitter;
  events.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    if (status >= 200 && status < 300) {
      samples.add(ms);
      last = performance.now();
      options.onResponse?.();
    } else {
      failed += 1;
    }
  });
  const result = await instance;
  const seconds = ((last || performance.now()) - started) / 1000;
  return {
    ok: samples.count,
    failed: Math.max(failed, result.errors + result.non2xx),
    seconds,
    rps: samples.count / seconds,
    latency: samples.summary(),
  };
}

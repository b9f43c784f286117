import { setMaxListeners } from 'node:events';
import { request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { HttpRequestSpec } from './http-load.js';
import { streamingAgent } from './stream-load.js';

export interface OpenStreamsResult {
  readonly wanted: number;
  /** Streams that had their first chunk and had not ended when the samples were taken. */
  readonly open: number;
  readonly maxMiB: number;
  /** RSS 3 s after they were closed. */
  readonly afterCloseMiB: number;
  /** When they were closed (`performance.now()`): the service has had no requests since. */
  readonly closedAt: number;
}

/**
 * Opens `count` streams against a slow provider (one chunk every few seconds), waits until each
 * received its first chunk, samples the service's RSS while all are open, then closes them all.
 * Bounded: gives up waiting after `openTimeoutMs`.
 */
export async function holdOpenStreams(options: {
  readonly spec: HttpRequestSpec;
  readonly count: number;
  readonly rss: () => number;
  readonly openTimeoutMs: number;
}): Promise<OpenStreamsResult> {
  const agent = streamingAgent();
  const controller = new AbortController();
  setMaxListeners(options.count + 10, controller.signal);
  let open = 0;
  let ended = 0;
  const requests = Array.from({ length: options.count }, () => {
    const req = request(options.spec.url, {
      method: 'POST',
      agent,
      signal: controller.signal,
      headers: {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(options.spec.body ?? ''),
        ...options.spec.headers,
      },
    });
    let counted = false;
    req.on('response', (res) => {
      res.on('data', () => {
        if (!counted) {
          counted = true;
          open += 1;
        }
      });
      res.on('close', () => {
        if (counted) ended += 1;
      });
      res.on('error', () => undefined);
    });
    req.on('error', () => undefined);
    req.end(options.spec.body);
    return req;
  });

  const deadline = Date.now() + options.openTimeoutMs;
  while (open < options.count && Date.now() < deadline) await sleep(100);
  let maxMiB = 0;
  // The fewest streams open at any sample: all of them were open during the whole window.
  let openAtSample = Infinity;
  for (let i = 0; i < 10; i += 1) {
    maxMiB = Math.max(maxMiB, options.rss());
    openAtSample = Math.min(openAtSample, open - ended);
    await sleep(200);
  }
  controller.abort();
  for (const req of requests) req.destroy();
  agent.destroy();
  const closedAt = performance.now();
  await sleep(3000);
  return { wanted: options.count, open: openAtSample, maxMiB, afterCloseMiB: options.rss(), closedAt };
}

import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { HttpRequestSpec } from './http-load.js';
import { SseCounter } from './sse-counter.js';
import { Samples, type LatencySummary } from './stats.js';

/** One streamed answer as the client saw it. */
export interface StreamOutcome {
  /** From sending the request to the first content token. */
  readonly ttftMs: number;
  /** From sending the request to the end of the stream. */
  readonly totalMs: number;
  readonly chunks: number;
}

export interface StreamLoadResult {
  readonly ok: number;
  readonly failed: number;
  readonly seconds: number;
  readonly streamsPerSecond: number;
  /** Chunks received per second, all streams together. */
  readonly chunksPerSecond: number;
  readonly chunksPerStream: number;
  readonly ttft: LatencySummary;
  readonly total: LatencySummary;
}

/** Keeps `concurrency` streams running for `seconds`, each opening the next when it ended. */
export async function runStreamLoop(options: {
  readonly open: () => Promise<StreamOutcome>;
  readonly concurrency: number;
  readonly seconds: number;
}): Promise<StreamLoadResult> {
  const ttft = new Samples();
  const total = new Samples();
  let chunks = 0;
  let failed = 0;
  const begin = performance.now();
  const deadline = begin + options.seconds * 1000;
  let last = begin;
  const worker = async () => {
    while (performance.now() < deadline) {
      try {
        const outcome = await options.open();
        ttft.add(outcome.ttftMs);
        total.add(outcome.totalMs);
        chunks += outcome.chunks;
        last = performance.now();
      } catch {
        failed += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const seconds = (last - begin) / 1000;
  return {
    ok: ttft.count,
    failed,
    seconds,
    streamsPerSecond: ttft.count / seconds,
    chunksPerSecond: chunks / seconds,
    chunksPerStream: ttft.count ? chunks / ttft.count : NaN,
    ttft: ttft.summary(),
    total: total.summary(),
  };
}

/** A keep-alive agent for streaming clients; one socket per concurrent stream. */
export function streamingAgent(): Agent {
  return new Agent({ keepAlive: true, maxSockets: Infinity, maxFreeSockets: 2048 });
}

/** Streams one chat completion (`stream: true` in the body) over HTTP/1.1 and counts its chunks. */
export function streamHttp(
  agent: Agent,
  spec: HttpRequestSpec,
  signal?: AbortSignal,
): Promise<StreamOutcome> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    let ttftMs = NaN;
    const counter = new SseCounter();
    const req = request(
      spec.url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(spec.body ?? ''),
          ...spec.headers,
        },
        ...(signal ? { signal } : {}),
      },
      (res) => {
        if (res.statusCode !== 200) {
          res.resume();
          reject(new Error(`status ${res.statusCode}`));
          return;
        }
        res.setEncoding('utf8');
        res.on('data', (text: string) => {
          if (counter.push(text)) ttftMs = performance.now() - t0;
        });
        res.on('end', () => {
          if (!counter.done || Number.isNaN(ttftMs))
            reject(new Error('the stream ended without [DONE] or a token'));
          else resolve({ ttftMs, totalMs: performance.now() - t0, chunks: counter.chunks });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(spec.body);
  });
}

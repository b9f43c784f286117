import type { IdleWait } from './idle-wait.js';
import type { LoadResult } from './load-result.js';
import type { MachineInfo } from './machine.js';
import type { StreamLoadResult } from './stream-load.js';

/**
 * The targets every phase compares: the mock provider called directly (the same work without any
 * gateway), the service over its OpenAI-compatible REST API and over gRPC, and the peer gateway.
 */
export type TargetId = 'direct' | 'rest' | 'grpc' | 'peer';

export const TARGET_LABELS: Readonly<Record<TargetId, string>> = {
  direct: 'mock provider, direct',
  rest: 'service, REST',
  grpc: 'service, gRPC',
  peer: 'peer gateway',
};

export type ByTarget<T> = Partial<Record<TargetId, T>>;

export interface RssPoint {
  /** Requests answered when the sample was taken. */
  readonly requests: number;
  readonly rssMiB: number;
}

export type { IdleWait } from './idle-wait.js';

export interface MemoryResults {
  /**
   * RSS 1 s after the credentials were stored and every target answered once: just started, the
   * heap still full of start-up garbage. Absent in results recorded before it was told apart from
   * idle: their `idleMiB` is this figure.
   */
  readonly startedMiB?: number;
  /**
   * RSS once the service has been idle: no requests after those checks until a major collection
   * (V8's memory reducer) and 2 s more, or 30 s (`idleWait`). In results without `startedMiB`
   * (older runs), the just-started figure instead.
   */
  readonly idleMiB: number;
  readonly idleWait?: IdleWait;
  /**
   * The same wait right after the warm-up: caches filled, code compiled. Its live heap is what the
   * one after every load phase is compared with.
   */
  readonly idleAfterWarmupWait?: IdleWait;
  /** Requests the service answered between those two waits. */
  readonly requestsBetweenIdles?: number;
  /** The same wait once every load phase is over (after the open streams closed). */
  readonly idleAfterLoadMiB?: number;
  readonly idleAfterLoadWait?: IdleWait;
  /** Sampled during the 50,000-request phase. */
  readonly series: readonly RssPoint[];
  /** RSS through every load phase: the lowest point after each drop (a major collection), for the record. */
  readonly rssTroughs: readonly { readonly seconds: number; readonly rssMiB: number }[];
  /**
   * The live heap after each major collection (`--trace-gc`), from the end of the warm-up to the
   * end of the load phases: RSS rises and falls with the collections and the workload; this is
   * what stays alive. A leak makes it climb.
   */
  readonly liveHeap: {
    readonly afterMajorGc: readonly { readonly seconds: number; readonly heapMB: number }[];
    /** Least-squares slope of those points, MB per minute. */
    readonly slopeMBPerMinute: number;
    /** The points that fell within the 50,000 requests. */
    readonly during50k: readonly number[];
  };
  readonly after50kMiB: number;
  readonly openStreams: {
    readonly wanted: number;
    /** Streams that had received their first chunk when RSS was sampled. */
    readonly open: number;
    readonly maxMiB: number;
    readonly afterCloseMiB: number;
  };
}

/** What a request costs with no work behind it, at concurrency 1: the protocol stacks alone. */
export interface Floors {
  /** GET /v1/models on the mock provider: the client and an HTTP server that does nothing. */
  readonly httpDirect?: LoadResult;
  /** GET /healthz on the service: its HTTP stack (fastify on the one-port listener). */
  readonly httpService?: LoadResult;
  /** grpc.health.v1.Health/Check on the service: the gRPC client and server stacks. */
  readonly grpcService?: LoadResult;
}

export interface BenchResults {
  readonly startedAt: string;
  readonly seconds: number;
  readonly machine: MachineInfo;
  readonly setup: {
    readonly database: string;
    readonly cache: string;
    readonly peer: { readonly url: string } | { readonly skipped: string };
    readonly phaseSeconds: number;
    readonly profiled: boolean;
  };
  readonly floors: Floors;
  readonly chat: { readonly c1: ByTarget<LoadResult>; readonly c64: ByTarget<LoadResult> };
  readonly stream: { readonly c1: ByTarget<StreamLoadResult>; readonly c200: ByTarget<StreamLoadResult> };
  readonly embed: { readonly c1: ByTarget<LoadResult>; readonly c64: ByTarget<LoadResult> };
  readonly memory?: MemoryResults;
}

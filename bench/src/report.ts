import type { LoadResult } from './load-result.js';
import {
  TARGET_LABELS,
  type BenchResults,
  type ByTarget,
  type IdleWait,
  type MemoryResults,
  type TargetId,
} from './results.js';
import type { StreamLoadResult } from './stream-load.js';

const ORDER: readonly TargetId[] = ['direct', 'rest', 'grpc', 'peer'];

/** The targets of the issue, checked against a run. */
export const TARGETS = {
  addedP50Ms: 0.5,
  addedP99Ms: 2,
  throughputVsPeer: 2,
  idleRssMiB: 150,
  openStreamsRssMiB: 400,
  /**
   * "Flat": the live heap when the service is idle (after V8's memory reducer), once right after
   * the warm-up and again after every load phase, grows by less than this. Both are taken in the
   * same state — warm, nothing in flight — so what the load phases left alive is the difference.
   */
  idleLiveHeapGrowthMB: 2,
  /**
   * Results recorded before that comparison existed are judged on the floor of the live heap after
   * major collections under load: its lowest value in the second half of the run exceeds the lowest
   * of the first half by less than this…
   */
  liveHeapFloorGrowthMB: 2,
  /** …with at least this many collections in each half. */
  majorCollectionsPerHalf: 2,
} as const;

export interface TargetCheck {
  readonly target: string;
  readonly measured: string;
  /** undefined: not measured in this run. */
  readonly met: boolean | undefined;
}

export function ms(value: number | undefined): string {
  if (value === undefined || Number.isNaN(value)) return '–';
  return Math.abs(value) < 10 ? value.toFixed(2) : value.toFixed(1);
}

export function signedMs(value: number | undefined): string {
  if (value === undefined || Number.isNaN(value)) return '–';
  return `${value >= 0 ? '+' : '−'}${ms(Math.abs(value))}`;
}

/** The lowest live heap after a major collection in each half of the run (split by time). */
export function liveHeapFloor(
  points: readonly { readonly seconds: number; readonly heapMB: number }[],
): { first: number; second: number; counts: [number, number] } | undefined {
  if (points.length === 0) return undefined;
  const middle = (points[0]!.seconds + points.at(-1)!.seconds) / 2;
  const first = points.filter((p) => p.seconds <= middle).map((p) => p.heapMB);
  const second = points.filter((p) => p.seconds > middle).map((p) => p.heapMB);
  return {
    first: Math.min(...first),
    second: second.length ? Math.min(...second) : NaN,
    counts: [first.length, second.length],
  };
}

function signed(value: number): string {
  return `${value >= 0 ? '+' : '−'}${Math.abs(value).toFixed(2)}`;
}

export function count(value: number | undefined): string {
  if (value === undefined || Number.isNaN(value)) return '–';
  return Math.round(value).toLocaleString('en-US');
}

export function ratio(value: number | undefined, of: number | undefined): string {
  if (value === undefined || of === undefined || !of || Number.isNaN(value) || Number.isNaN(of)) return '–';
  return `${(value / of).toFixed(2)}×`;
}

function rows(ids: readonly TargetId[], render: (id: TargetId) => string[]): string[] {
  return ids.map((id) => `| ${TARGET_LABELS[id]} | ${render(id).join(' | ')} |`);
}

/** Added = the target's percentile minus the direct call's (the service's own share of the wait). */
function added(results: ByTarget<LoadResult>, id: TargetId, p: 'p50' | 'p99'): number | undefined {
  if (id === 'direct') return undefined;
  const direct = results.direct?.latency[p];
  const value = results[id]?.latency[p];
  return direct === undefined || value === undefined ? undefined : value - direct;
}

function addedTtft(results: ByTarget<StreamLoadResult>, id: TargetId, p: 'p50' | 'p99'): number | undefined {
  if (id === 'direct') return undefined;
  const direct = results.direct?.ttft[p];
  const value = results[id]?.ttft[p];
  return direct === undefined || value === undefined ? undefined : value - direct;
}

function requestTable(c1: ByTarget<LoadResult>, cN: ByTarget<LoadResult>, concurrency: number): string[] {
  const ids = ORDER.filter((id) => c1[id] || cN[id]);
  const peerRps = cN.peer?.rps;
  return [
    `| target | c=1 p50 ms | c=1 p99 ms | added p50 ms | added p99 ms | c=${concurrency} req/s | c=${concurrency} p99 ms | req/s vs peer | failed |`,
    '| --- | --: | --: | --: | --: | --: | --: | --: | --: |',
    ...rows(ids, (id) => [
      ms(c1[id]?.latency.p50),
      ms(c1[id]?.latency.p99),
      id === 'direct' ? '–' : signedMs(added(c1, id, 'p50')),
      id === 'direct' ? '–' : signedMs(added(c1, id, 'p99')),
      count(cN[id]?.rps),
      ms(cN[id]?.latency.p99),
      id === 'peer' || id === 'direct' ? '–' : ratio(cN[id]?.rps, peerRps),
      String((c1[id]?.failed ?? 0) + (cN[id]?.failed ?? 0)),
    ]),
  ];
}

function streamTable(c1: ByTarget<StreamLoadResult>, c200: ByTarget<StreamLoadResult>): string[] {
  const ids = ORDER.filter((id) => c1[id] || c200[id]);
  const peerChunks = c200.peer?.chunksPerSecond;
  return [
    '| target | TTFT p50 ms | TTFT p99 ms | added TTFT p50 ms | added TTFT p99 ms | c=200 streams/s | c=200 chunks/s | chunks/stream | c=200 TTFT p99 ms | chunks/s vs peer | failed |',
    '| --- | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: |',
    ...rows(ids, (id) => [
      ms(c1[id]?.ttft.p50),
      ms(c1[id]?.ttft.p99),
      id === 'direct' ? '–' : signedMs(addedTtft(c1, id, 'p50')),
      id === 'direct' ? '–' : signedMs(addedTtft(c1, id, 'p99')),
      count(c200[id]?.streamsPerSecond),
      count(c200[id]?.chunksPerSecond),
      c200[id] ? c200[id]!.chunksPerStream.toFixed(1) : '–',
      ms(c200[id]?.ttft.p99),
      id === 'peer' || id === 'direct' ? '–' : ratio(c200[id]?.chunksPerSecond, peerChunks),
      String((c1[id]?.failed ?? 0) + (c200[id]?.failed ?? 0)),
    ]),
  ];
}

export function checkTargets(results: BenchResults): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const id of ['rest', 'grpc'] as const) {
    const p50 = added(results.chat.c1, id, 'p50');
    const p99 = added(results.chat.c1, id, 'p99');
    checks.push({
      target: `${TARGET_LABELS[id]}: added latency at c=1, p50 < ${TARGETS.addedP50Ms} ms and p99 < ${TARGETS.addedP99Ms} ms`,
      measured: `p50 ${signedMs(p50)} ms, p99 ${signedMs(p99)} ms`,
      met:
        p50 === undefined || p99 === undefined
          ? undefined
          : p50 < TARGETS.addedP50Ms && p99 < TARGETS.addedP99Ms,
    });
  }
  const peer = results.chat.c64.peer?.rps;
  for (const id of ['rest', 'grpc'] as const) {
    const rps = results.chat.c64[id]?.rps;
    checks.push({
      target: `${TARGET_LABELS[id]}: throughput at c=64 at least ${TARGETS.throughputVsPeer}× the peer's`,
      measured:
        peer === undefined
          ? 'no peer in this run'
          : `${count(rps)} vs ${count(peer)} req/s (${ratio(rps, peer)})`,
      met: peer === undefined || rps === undefined ? undefined : rps >= TARGETS.throughputVsPeer * peer,
    });
  }
  const memory = results.memory;
  const figures = memory ? idleFigures(memory) : undefined;
  const started = figures?.startedMiB === undefined ? undefined : `${figures.startedMiB.toFixed(0)} MiB`;
  checks.push({
    target: `RSS idle < ${TARGETS.idleRssMiB} MiB`,
    measured: figures?.idle
      ? `${figures.idle.rssMiB.toFixed(0)} MiB` +
        (figures.idle.wait ? ` after ${Math.round(figures.idle.wait.seconds)} s without requests` : '') +
        (started ? ` (${started} just started)` : '')
      : started
        ? `not measured (this run read RSS only just after start: ${started})`
        : 'not measured',
    met: figures?.idle ? figures.idle.rssMiB < TARGETS.idleRssMiB : undefined,
  });
  checks.push({
    target: `RSS with ${memory?.openStreams.wanted ?? 1000} open streams < ${TARGETS.openStreamsRssMiB} MiB`,
    measured: memory
      ? `${memory.openStreams.maxMiB.toFixed(0)} MiB (${memory.openStreams.open} streams open)`
      : 'not measured',
    met: memory
      ? memory.openStreams.maxMiB < TARGETS.openStreamsRssMiB &&
        memory.openStreams.open === memory.openStreams.wanted
      : undefined,
  });
  checks.push(
    memory ? memoryFlat(memory) : { target: MEMORY_FLAT, measured: 'not measured', met: undefined },
  );
  return checks;
}

const MEMORY_FLAT =
  `Memory flat over the 50,000 requests and every other phase: the live heap when idle grows by less ` +
  `than ${TARGETS.idleLiveHeapGrowthMB} MB from after the warm-up (and the open streams) to after the last phase`;

/** The idle-to-idle comparison; for older results, the floor of the live heap under load. */
function memoryFlat(memory: MemoryResults): TargetCheck {
  const floor = liveHeapFloor(memory.liveHeap.afterMajorGc);
  const floorText = floor
    ? `under load, the floor of the live heap went ${floor.first.toFixed(1)} → ${floor.second.toFixed(1)} MB ` +
      `from the first half of the run to the second`
    : undefined;
  const before = memory.idleAfterWarmupWait?.liveHeapMB;
  const after = memory.idleAfterLoadWait?.liveHeapMB;
  if (before !== undefined && after !== undefined) {
    const growth = after - before;
    const requests = memory.requestsBetweenIdles;
    const perRequest =
      requests && growth > 0 ? `, ${((growth * 1e6) / requests).toFixed(1)} bytes per request at most` : '';
    return {
      target: MEMORY_FLAT,
      measured:
        `${before.toFixed(1)} → ${after.toFixed(1)} MB (${signed(growth)} MB) across ` +
        `${requests === undefined ? 'the' : count(requests)} requests${perRequest}` +
        (floorText ? `; ${floorText}` : ''),
      met: growth < TARGETS.idleLiveHeapGrowthMB,
    };
  }
  return {
    target:
      `Memory flat through the 50,000 requests and every other phase: the floor of the live heap after ` +
      `major collections rises by less than ${TARGETS.liveHeapFloorGrowthMB} MB from the first half of the run to the second`,
    measured: floor
      ? `${floor.first.toFixed(1)} → ${floor.second.toFixed(1)} MB (${signed(floor.second - floor.first)} MB) over ` +
        `${floor.counts[0]} + ${floor.counts[1]} collections; trend ${signed(memory.liveHeap.slopeMBPerMinute)} MB per minute`
      : 'not measured',
    met:
      floor && Math.min(...floor.counts) >= TARGETS.majorCollectionsPerHalf
        ? floor.second - floor.first < TARGETS.liveHeapFloorGrowthMB
        : undefined,
  };
}

function floorsTable(results: BenchResults): string[] {
  const { floors } = results;
  const rows: [string, LoadResult | undefined][] = [
    ['HTTP: GET /v1/models on the mock provider', floors.httpDirect],
    ['HTTP: GET /healthz on the service (no auth)', floors.httpService],
    ['gRPC: Health/Check on the service (no auth)', floors.grpcService],
  ];
  const measured = rows.filter((row): row is [string, LoadResult] => row[1] !== undefined);
  if (measured.length === 0) return ['Not measured in this run.'];
  return [
    '| request doing no work, c=1 | p50 ms | p99 ms | req/s |',
    '| --- | --: | --: | --: |',
    ...measured.map(
      ([name, r]) => `| ${name} | ${ms(r.latency.p50)} | ${ms(r.latency.p99)} | ${count(r.rps)} |`,
    ),
  ];
}

interface IdleFigure {
  readonly rssMiB: number;
  readonly wait: IdleWait | undefined;
}

/**
 * The run's RSS just after start, once idle and once idle again after the load phases. Results
 * recorded before these were told apart have only `idleMiB`, read just after start: that is
 * what it is reported as, and the idle figures as not measured.
 */
export function idleFigures(memory: MemoryResults): {
  startedMiB: number | undefined;
  idle: IdleFigure | undefined;
  afterLoad: IdleFigure | undefined;
} {
  if (memory.startedMiB === undefined) {
    return { startedMiB: memory.idleMiB, idle: undefined, afterLoad: undefined };
  }
  return {
    startedMiB: memory.startedMiB,
    idle: { rssMiB: memory.idleMiB, wait: memory.idleWait },
    afterLoad:
      memory.idleAfterLoadMiB === undefined
        ? undefined
        : { rssMiB: memory.idleAfterLoadMiB, wait: memory.idleAfterLoadWait },
  };
}

/** How long the service had been idle when its RSS was read, and what V8 had done by then. */
export function idleHow(wait: IdleWait | undefined): string {
  if (!wait) return 'no requests';
  const quiet = `${Math.round(wait.seconds)} s without requests`;
  if (wait.reducingCollections > 0) return `${quiet}, after V8's memory reducer ran`;
  if (wait.majorCollections > 0) return `${quiet}, 2 s after a major collection`;
  return `${quiet}; no major collection came`;
}

/** The samples of an idle wait where RSS moved by 1 MiB or more, with the first and the last. */
function idleSeries(wait: IdleWait): string {
  const kept: IdleWait['series'][number][] = [];
  wait.series.forEach((point, i) => {
    const last = kept.at(-1);
    if (!last || i === wait.series.length - 1 || Math.abs(point.rssMiB - last.rssMiB) >= 1) kept.push(point);
  });
  return kept.map((p) => `${p.seconds.toFixed(1)} → ${p.rssMiB.toFixed(0)}`).join(', ');
}

function mib(value: number | undefined): string {
  return value === undefined ? 'not measured' : value.toFixed(1);
}

function memorySection(results: BenchResults): string[] {
  const memory = results.memory;
  if (!memory) return ['Memory was not measured in this run.'];
  const series = memory.series;
  const every = series.filter((_, i) => i % Math.max(1, Math.floor(series.length / 10)) === 0);
  const max = Math.max(...series.map((p) => p.rssMiB));
  const min = Math.min(...series.map((p) => p.rssMiB));
  const { startedMiB, idle, afterLoad } = idleFigures(memory);
  const warm = memory.idleAfterWarmupWait;
  const waits: [string, IdleWait | undefined][] = [
    ['after start', idle?.wait],
    ['after the warm-up and the open streams', warm],
    ['after the load phases', afterLoad?.wait],
  ];
  const heap = (wait: IdleWait | undefined) =>
    wait?.liveHeapMB === undefined ? '–' : wait.liveHeapMB.toFixed(1);
  return [
    '| service state | RSS MiB | live heap MB |',
    '| --- | --: | --: |',
    `| just started (credentials stored, each target answered once; read 1 s later) | ${mib(startedMiB)} | – |`,
    `| idle (${idle ? idleHow(idle.wait) : "no requests until V8's memory reducer ran"}) | ${mib(idle?.rssMiB)} | ${heap(idle?.wait)} |`,
    `| with ${memory.openStreams.open} of ${memory.openStreams.wanted} streams open (max) | ${memory.openStreams.maxMiB.toFixed(1)} | – |`,
    `| 3 s after those streams closed | ${memory.openStreams.afterCloseMiB.toFixed(1)} | – |`,
    `| idle after the warm-up and the open streams${warm ? ` (${idleHow(warm)})` : ''} | ${mib(warm?.rssMiB)} | ${heap(warm)} |`,
    `| during the 50,000 requests (c=64, REST): lowest / highest | ${min.toFixed(1)} / ${max.toFixed(1)} | – |`,
    `| after the 50,000 requests | ${memory.after50kMiB.toFixed(1)} | – |`,
    `| idle again after every load phase${afterLoad ? ` (${idleHow(afterLoad.wait)})` : ''} | ${mib(afterLoad?.rssMiB)} | ${heap(afterLoad?.wait)} |`,
    '',
    ...waits
      .filter((entry): entry is [string, IdleWait] => entry[1] !== undefined)
      .flatMap(([when, wait]) => [
        `RSS while idle ${when} (seconds without requests → MiB): ${idleSeries(wait)}.`,
        '',
      ]),
    `RSS during the 50,000 requests (requests answered → MiB): ${every
      .map((p) => `${count(p.requests)} → ${p.rssMiB.toFixed(0)}`)
      .join(', ')}.`,
    '',
    `Live heap after each major collection during the 50,000 requests: ${
      memory.liveHeap.during50k.map((mb) => `${mb.toFixed(1)} MB`).join(', ') || 'none'
    }; through the run after the warm-up (seconds → MB): ${
      memory.liveHeap.afterMajorGc
        .map((c) => `${Math.round(c.seconds)} → ${c.heapMB.toFixed(1)}`)
        .join(', ') || 'none'
    }. RSS troughs after the drops through the run (seconds → MiB): ${
      memory.rssTroughs.map((t) => `${Math.round(t.seconds)} → ${t.rssMiB.toFixed(0)}`).join(', ') || 'none'
    }.`,
  ];
}

/** The results as markdown, for docs/benchmarks.md (between the markers) and the console. */
export function renderResults(results: BenchResults): string {
  const { machine, setup } = results;
  const peer =
    'url' in setup.peer ? `peer gateway at \`${setup.peer.url}\`` : `no peer gateway (${setup.peer.skipped})`;
  const checks = checkTargets(results);
  return [
    `Run of ${results.startedAt} (${Math.round(results.seconds)} s): ${machine.cores} cores (${machine.cpuModel}), ` +
      `${machine.memoryGiB} GiB, ${machine.os}, Node ${machine.node}. Client, service, mock provider and peer share the machine.`,
    `Service: production build, ${setup.database}, ${setup.cache}, LOG_LEVEL=warn${setup.profiled ? ', **under --cpu-prof**' : ''}; ${peer}. ` +
      `Load phases of ${setup.phaseSeconds} s after a warm-up.`,
    '',
    '### Chat, not streamed',
    '',
    ...requestTable(results.chat.c1, results.chat.c64, 64),
    '',
    '### Chat, streamed',
    '',
    ...streamTable(results.stream.c1, results.stream.c200),
    '',
    '### Embeddings',
    '',
    ...requestTable(results.embed.c1, results.embed.c64, 64),
    '',
    '### Protocol floors',
    '',
    ...floorsTable(results),
    '',
    '### Memory',
    '',
    ...memorySection(results),
    '',
    '### Targets',
    '',
    '| target | measured | met |',
    '| --- | --- | :-: |',
    ...checks.map(
      (c) => `| ${c.target} | ${c.measured} | ${c.met === undefined ? '–' : c.met ? 'yes' : '**no**'} |`,
    ),
  ].join('\n');
}

/** Replaces what lies between `<!-- bench:NAME:start -->` and `<!-- bench:NAME:end -->`. */
export function replaceBetweenMarkers(document: string, name: string, content: string): string {
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  const from = document.indexOf(start);
  const to = document.indexOf(end);
  if (from === -1 || to === -1 || to < from) {
    throw new Error(`docs/benchmarks.md has no ${start} … ${end} markers`);
  }
  return `${document.slice(0, from + start.length)}\n\n${content.trim()}\n\n${document.slice(to)}`;
}

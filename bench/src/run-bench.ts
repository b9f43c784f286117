/**
 * `pnpm bench`: the service against the same work done directly and through a peer gateway, in
 * one run, with the same client for every target. Starts a zero-latency mock provider and a slow
 * one, the service from its production build, stores credentials pointing at the mocks over the
 * admin API, runs the phases, prints the tables and writes them to docs/benchmarks.md.
 *
 *   pnpm bench                 the full comparison (writes docs/benchmarks.md)
 *   pnpm bench -- --quick      short phases, for trying the harness (writes only bench-results/)
 *   pnpm bench -- --profile    the service under --cpu-prof, service phases only; writes the
 *                              top self-time functions to docs/benchmarks.md
 *   node bench/dist/run-bench.js --render <bench-results/x.json>
 *                              writes a recorded run's tables to docs/benchmarks.md again
 *
 * Environment: DATABASE_URL / REDIS_URL (else embedded PostgreSQL and an in-process cache; with
 * DATABASE_URL the service gets a database of its own on that server, dropped at the end),
 * BENCH_PEER_URL / BENCH_PEER_HEADERS / BENCH_PEER_NAME (the optional peer gateway).
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { ChatRequest, EmbedRequest } from '@integration-api/transport-grpc';
import * as prettier from 'prettier';
import { runCallLoop } from './call-loop.js';
import { renderProfile, topSelfTime, type CpuProfile } from './cpu-profile.js';
import type { MajorCollection } from './gc-trace.js';
import { GrpcTarget } from './grpc-target.js';
import { runHttpLoad, type HttpRequestSpec } from './http-load.js';
import { waitUntilIdle } from './idle-wait.js';
import type { LoadResult, PhaseLength } from './load-result.js';
import { machineInfo } from './machine.js';
import { holdOpenStreams } from './open-streams.js';
import {
  ROOT,
  buildMock,
  rssMiB,
  serviceCli,
  startMock,
  startService,
  type Child,
  type RunningMock,
  type RunningService,
} from './processes.js';
import { createScratchDatabase, type ScratchDatabase } from './scratch-database.js';
import { idleHow, renderResults, replaceBetweenMarkers } from './report.js';
import {
  TARGET_LABELS,
  type BenchResults,
  type ByTarget,
  type Floors,
  type MemoryResults,
  type RssPoint,
} from './results.js';
import { slope, troughs } from './stats.js';
import { runStreamLoop, streamHttp, streamingAgent, type StreamLoadResult } from './stream-load.js';
import {
  CHAT_MODEL,
  EMBED_INPUTS,
  EMBED_MODEL,
  PROMPT,
  chatRequest,
  checkAnswers,
  embedRequest,
  peerFromEnv,
  type OpenAiEndpoint,
} from './targets.js';

const argv = process.argv.slice(2);
const args = new Set(argv);
const QUICK = args.has('--quick');
const PROFILE = args.has('--profile');
const PHASE_SECONDS = QUICK ? 2 : 10;
const WARMUP_SECONDS = QUICK ? 1 : 2;
/** The warm-up of each target before any measurement. */
const WARMUP_ALL_SECONDS = QUICK ? 2 : 12;
const MEMORY_REQUESTS = QUICK ? 10_000 : 50_000;
const OPEN_STREAMS = QUICK ? 200 : 1_000;
/** The slow mock's pause before each chunk: a stream lasts ~8 of them, so 1,000 stay open together. */
const SLOW_CHUNK_DELAY_MS = 5_000;
/** A drop of RSS this large between two samples 250 ms apart is a major collection handing memory back. */
const MAJOR_GC_DROP_MIB = 15;
const RESULTS_DIR = join(ROOT, 'bench', 'bench-results');
const DOC = join(ROOT, 'docs', 'benchmarks.md');
const PROVIDER_KEY = `sk-bench-${randomBytes(12).toString('hex')}`;

const log = (line: string) => process.stdout.write(`[bench] ${line}\n`);

async function main(): Promise<void> {
  const render = argv.indexOf('--render');
  if (render !== -1) return renderRecorded(argv[render + 1]);
  const began = performance.now();
  const startedAt = new Date().toISOString();
  mkdirSync(RESULTS_DIR, { recursive: true });
  const children: Child[] = [];
  let dataDir: string | undefined;
  let scratch: ScratchDatabase | undefined;
  const stopAll = async () => {
    for (const child of children.reverse()) await child.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    await scratch?.drop();
    scratch = undefined;
  };
  process.once('SIGINT', () => void stopAll().then(() => process.exit(130)));

  try {
    log('compiling the mock provider');
    buildMock();
    const fast = await startMock(0);
    children.push(fast);
    const slow = await startMock(SLOW_CHUNK_DELAY_MS);
    children.push(slow);
    log(`mock providers: ${fast.url} (no delay), ${slow.url} (${SLOW_CHUNK_DELAY_MS} ms per chunk)`);

    const env: Record<string, string> = {
      NODE_ENV: 'production',
      INTEGRATION_CRYPTO_KEY: randomBytes(32).toString('base64'),
      INTEGRATION_JWT_SECRET: randomBytes(48).toString('base64url'),
      INTEGRATION_ALLOW_PRIVATE_UPSTREAMS: 'true',
      LOG_LEVEL: 'warn',
    };
    if (process.env.DATABASE_URL) {
      // The service writes into a database of the run's own on that server, dropped at the end.
      scratch = await createScratchDatabase(process.env.DATABASE_URL);
      env.DATABASE_URL = scratch.url;
      log(`database: ${scratch.name}, created for this run on the server of DATABASE_URL`);
    } else {
      dataDir = mkdtempSync(join(tmpdir(), 'integration-api-bench-'));
      // Under root the embedded PostgreSQL runs as `postgres`, which must reach its directory inside.
      chmodSync(dataDir, 0o755);
      env.INTEGRATION_DATA_DIR = dataDir;
    }
    const profileDir = join(RESULTS_DIR, `profile-${Date.now()}`);
    const spawnedAt = performance.now();
    const service = await startService({
      env,
      ...(PROFILE ? { nodeFlags: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] } : {}),
    });
    children.push(service);
    log(`service ${service.url} (pid ${service.pid})`);
    // `--trace-gc` times are milliseconds since the service started; close enough to its spawn.
    const gcAt = (collection: MajorCollection) => spawnedAt + collection.atMs;
    const collections = () =>
      service.majorCollections.map((c) => ({
        at: gcAt(c),
        reducing: c.reducing,
        heapAfterMB: c.heapAfterMB,
      }));
    const serviceRss = () => rssMiB(service.pid);

    const project = `bench-${randomBytes(4).toString('hex')}`;
    const token = serviceCli(
      [
        'token',
        '--org',
        'bench',
        '--project',
        project,
        '--scopes',
        'credentials:read,credentials:write,inference',
        '--ttl',
        '2h',
      ],
      env,
    );
    const credentialId = await storeCredential(service, token, 'bench', fast);
    await storeCredential(service, token, 'bench-slow', slow);
    log(`credentials stored and verified against the mocks (project ${project})`);

    const endpoints: ByTarget<OpenAiEndpoint> = {
      direct: {
        baseUrl: `${fast.url}/v1`,
        headers: { authorization: `Bearer ${PROVIDER_KEY}` },
        model: (m) => m,
      },
      rest: {
        baseUrl: `${service.url}/v1`,
        headers: { authorization: `Bearer ${token}` },
        model: (m) => `bench/${m}`,
      },
    };
    const peer = PROFILE ? { skipped: 'profiling run' } : peerFromEnv(process.env, fast.url);
    let peerSetup: BenchResults['setup']['peer'];
    if ('skipped' in peer) {
      log(`peer gateway skipped: ${peer.skipped}`);
      peerSetup = peer;
    } else {
      try {
        await checkAnswers(chatRequest(peer, false), 'chat');
        endpoints.peer = peer;
        peerSetup = { url: peer.baseUrl };
        log(`peer gateway: ${peer.baseUrl}`);
      } catch (error) {
        peerSetup = { skipped: `it did not answer as the mock: ${(error as Error).message}` };
        log(`peer gateway skipped: ${peerSetup.skipped}`);
      }
    }
    if (PROFILE) delete endpoints.direct;
    for (const endpoint of Object.values(endpoints)) {
      await checkAnswers(chatRequest(endpoint, false), 'chat');
      await checkAnswers(chatRequest(endpoint, true), 'stream');
      await checkAnswers(embedRequest(endpoint), 'embed');
    }
    const grpc = new GrpcTarget(
      `127.0.0.1:${service.port}`,
      token,
      ChatRequest.fromPartial({ credentialId, model: CHAT_MODEL, messages: [{ user: { content: PROMPT } }] }),
      EmbedRequest.fromPartial({ credentialId, model: EMBED_MODEL, inputs: EMBED_INPUTS }),
    );
    await grpc.chat();
    await grpc.streamChat();
    await grpc.embed();
    const checkedAt = performance.now();

    // Just started, the heap still holds the garbage of start-up; V8 collects it only once the
    // process has been quiet for some seconds (its memory reducer). Both figures are recorded.
    await sleep(1000);
    const startedMiB = serviceRss();
    log(
      `service RSS just started: ${startedMiB.toFixed(1)} MiB; waiting without requests for a major collection`,
    );
    const idle = await waitUntilIdle({ idleSince: checkedAt, rss: serviceRss, collections });
    log(`service RSS idle: ${idle.rssMiB.toFixed(1)} MiB (${idleHow(idle)})`);
    // RSS through every load phase, to tell garbage collection's saw from a leak.
    const runStarted = performance.now();
    const runSeries: { x: number; y: number }[] = [];
    const runSampler = setInterval(
      () => runSeries.push({ x: (performance.now() - runStarted) / 1000, y: rssMiB(service.pid) }),
      250,
    );

    const ids = Object.keys(endpoints) as (keyof typeof endpoints)[];
    const httpLoad = async (spec: HttpRequestSpec, connections: number, length: PhaseLength) => {
      await runHttpLoad({ request: spec, connections, length: { seconds: WARMUP_SECONDS } });
      return runHttpLoad({ request: spec, connections, length });
    };
    const grpcLoad = async (call: () => Promise<unknown>, concurrency: number, length: PhaseLength) => {
      await runCallLoop({ call, concurrency, length: { seconds: WARMUP_SECONDS } });
      return runCallLoop({ call, concurrency, length });
    };
    const phase = { seconds: PHASE_SECONDS };

    // 0. A long-running process is measured, not a cold one: the JIT takes tens of thousands of
    //    requests to settle. Every target gets the same warm-up of each kind of request.
    log(`warming up every target (${WARMUP_ALL_SECONDS} s each)`);
    const warmSeconds = (share: number) => ({ seconds: Math.max(1, WARMUP_ALL_SECONDS * share) });
    for (const id of ids) {
      await runHttpLoad({
        request: chatRequest(endpoints[id]!, false),
        connections: 8,
        length: warmSeconds(0.5),
      });
      const agent = streamingAgent();
      const spec = chatRequest(endpoints[id]!, true);
      await runStreamLoop({
        open: () => streamHttp(agent, spec),
        concurrency: 8,
        seconds: warmSeconds(0.25).seconds,
      });
      agent.destroy();
      await runHttpLoad({ request: embedRequest(endpoints[id]!), connections: 8, length: warmSeconds(0.25) });
    }
    await runCallLoop({ call: () => grpc.chat(), concurrency: 8, length: warmSeconds(0.5) });
    await runStreamLoop({
      open: () => grpc.streamChat(),
      concurrency: 8,
      seconds: warmSeconds(0.25).seconds,
    });
    await runCallLoop({ call: () => grpc.embed(), concurrency: 8, length: warmSeconds(0.25) });

    // 1. Memory with many streams open at once (the slow mock holds them). Before the reference
    //    idle below: a thousand connections at once leave pools at their high-water mark (Node keeps
    //    up to 1,000 HTTP parsers for reuse), which is not growth per request.
    log(`opening ${OPEN_STREAMS} streams through the service against the slow mock`);
    const { closedAt, ...openStreams } = await holdOpenStreams({
      spec: chatRequest({ ...endpoints.rest!, model: (m) => `bench-slow/${m}` }, true),
      count: OPEN_STREAMS,
      rss: serviceRss,
      openTimeoutMs: 60_000,
    });
    log(
      `service RSS with ${openStreams.open}/${openStreams.wanted} streams open: ${openStreams.maxMiB.toFixed(1)} MiB; ` +
        `after closing them: ${openStreams.afterCloseMiB.toFixed(1)} MiB`,
    );
    // Idle once warm: every cache filled, the code compiled, the pools at their peak. The same wait
    // after the last phase compares like with like: what is alive then that was not now is what the
    // load left.
    const idleAfterWarmup = await waitUntilIdle({
      idleSince: closedAt,
      from: performance.now(),
      rss: serviceRss,
      collections,
    });
    log(
      `service idle after the warm-up: RSS ${idleAfterWarmup.rssMiB.toFixed(1)} MiB, live heap ` +
        `${idleAfterWarmup.liveHeapMB?.toFixed(1) ?? '?'} MB (${idleHow(idleAfterWarmup)})`,
    );

    const measuringFrom = performance.now();

    // What the protocol stacks cost with no work behind them, to read the added latency against.
    const floorPhase = { seconds: Math.max(1, PHASE_SECONDS / 2) };
    const floors: Floors = {
      ...(endpoints.direct
        ? {
            httpDirect: await httpLoad(
              { url: `${fast.url}/v1/models`, headers: endpoints.direct.headers },
              1,
              floorPhase,
            ),
          }
        : {}),
      httpService: await httpLoad({ url: `${service.url}/healthz/`, headers: {} }, 1, floorPhase),
      grpcService: await grpcLoad(() => grpc.check(), 1, floorPhase),
    };
    if (floors.httpDirect) report('floor: GET /v1/models on the mock', floors.httpDirect);
    report('floor: GET /healthz on the service', floors.httpService!);
    report('floor: gRPC Health/Check on the service', floors.grpcService!);

    // 2. Chat, not streamed: latency at c=1, throughput at c=64 (the service's REST run is the
    //    50,000-request memory phase).
    const chat = { c1: {} as ByTarget<LoadResult>, c64: {} as ByTarget<LoadResult> };
    for (const id of ids) {
      chat.c1[id] = await httpLoad(chatRequest(endpoints[id]!, false), 1, phase);
      report(`chat c=1 ${TARGET_LABELS[id]}`, chat.c1[id]!);
    }
    chat.c1.grpc = await grpcLoad(() => grpc.chat(), 1, phase);
    report(`chat c=1 ${TARGET_LABELS.grpc}`, chat.c1.grpc);

    let memory: Omit<MemoryResults, 'openStreams' | 'rssTroughs' | 'liveHeap'> | undefined;
    const memoryPhase = { from: 0, to: 0 };
    for (const id of ids) {
      if (id !== 'rest') {
        chat.c64[id] = await httpLoad(chatRequest(endpoints[id]!, false), 64, phase);
      } else {
        const series: RssPoint[] = [];
        let answered = 0;
        const sampler = setInterval(
          () => series.push({ requests: answered, rssMiB: rssMiB(service.pid) }),
          250,
        );
        await runHttpLoad({
          request: chatRequest(endpoints.rest!, false),
          connections: 64,
          length: { seconds: WARMUP_SECONDS },
        });
        series.length = 0;
        answered = 0;
        series.push({ requests: 0, rssMiB: rssMiB(service.pid) });
        memoryPhase.from = performance.now();
        chat.c64.rest = await runHttpLoad({
          request: chatRequest(endpoints.rest!, false),
          connections: 64,
          length: { amount: MEMORY_REQUESTS },
          onResponse: () => (answered += 1),
        });
        clearInterval(sampler);
        memoryPhase.to = performance.now();
        series.push({ requests: answered, rssMiB: rssMiB(service.pid) });
        await sleep(1000);
        memory = {
          startedMiB,
          idleMiB: idle.rssMiB,
          idleWait: idle,
          series,
          after50kMiB: rssMiB(service.pid),
        };
        log(`service RSS after ${answered} requests: ${memory.after50kMiB.toFixed(1)} MiB`);
      }
      report(`chat c=64 ${TARGET_LABELS[id]}`, chat.c64[id]!);
    }
    chat.c64.grpc = await grpcLoad(() => grpc.chat(), 64, phase);
    report(`chat c=64 ${TARGET_LABELS.grpc}`, chat.c64.grpc);

    // 3. Chat, streamed: time to first token at c=1, chunks per second with 200 streams.
    const stream = { c1: {} as ByTarget<StreamLoadResult>, c200: {} as ByTarget<StreamLoadResult> };
    for (const concurrency of [1, 200] as const) {
      const into = concurrency === 1 ? stream.c1 : stream.c200;
      for (const id of ids) {
        const agent = streamingAgent();
        const spec = chatRequest(endpoints[id]!, true);
        const open = () => streamHttp(agent, spec);
        await runStreamLoop({ open, concurrency, seconds: WARMUP_SECONDS });
        into[id] = await runStreamLoop({ open, concurrency, seconds: PHASE_SECONDS });
        agent.destroy();
        reportStream(`stream c=${concurrency} ${TARGET_LABELS[id]}`, into[id]!);
      }
      const open = () => grpc.streamChat();
      await runStreamLoop({ open, concurrency, seconds: WARMUP_SECONDS });
      into.grpc = await runStreamLoop({ open, concurrency, seconds: PHASE_SECONDS });
      reportStream(`stream c=${concurrency} ${TARGET_LABELS.grpc}`, into.grpc);
    }

    // 4. Embeddings.
    const embed = { c1: {} as ByTarget<LoadResult>, c64: {} as ByTarget<LoadResult> };
    const embedPhase = { seconds: Math.max(1, PHASE_SECONDS / 2) };
    for (const concurrency of [1, 64] as const) {
      const into = concurrency === 1 ? embed.c1 : embed.c64;
      for (const id of ids) {
        into[id] = await httpLoad(embedRequest(endpoints[id]!), concurrency, embedPhase);
        report(`embed c=${concurrency} ${TARGET_LABELS[id]}`, into[id]!);
      }
      into.grpc = await grpcLoad(() => grpc.embed(), concurrency, embedPhase);
      report(`embed c=${concurrency} ${TARGET_LABELS.grpc}`, into.grpc);
    }
    grpc.close();
    const loadEndedAt = performance.now();

    clearInterval(runSampler);
    const runTroughs = troughs(runSeries, MAJOR_GC_DROP_MIB);
    const measured = service.majorCollections.filter((c) => gcAt(c) >= measuringFrom);
    const afterMajorGc = measured.map((c) => ({
      seconds: (gcAt(c) - measuringFrom) / 1000,
      heapMB: c.heapAfterMB,
    }));
    const liveHeap: MemoryResults['liveHeap'] = {
      afterMajorGc,
      slopeMBPerMinute: slope(afterMajorGc.map((c) => ({ x: c.seconds / 60, y: c.heapMB }))),
      during50k: measured
        .filter((c) => gcAt(c) >= memoryPhase.from && gcAt(c) <= memoryPhase.to)
        .map((c) => c.heapAfterMB),
    };
    const rssTroughs = runTroughs.map((t) => ({ seconds: t.x, rssMiB: t.y }));
    log(
      `service live heap after major collections: ${afterMajorGc.map((c) => c.heapMB.toFixed(1)).join(', ')} MB`,
    );
    log(`service RSS troughs through the run: ${rssTroughs.map((t) => t.rssMiB.toFixed(0)).join(', ')} MiB`);

    // What the service returns to once the work is over: the same wait as after the warm-up.
    const idleAfterLoad = await waitUntilIdle({ idleSince: loadEndedAt, rss: serviceRss, collections });
    log(
      `service idle again after the load phases: RSS ${idleAfterLoad.rssMiB.toFixed(1)} MiB, live heap ` +
        `${idleAfterLoad.liveHeapMB?.toFixed(1) ?? '?'} MB (${idleHow(idleAfterLoad)})`,
    );

    await deleteCredentials(service, token);
    await stopAll();
    children.length = 0;

    const results: BenchResults = {
      startedAt,
      seconds: (performance.now() - began) / 1000,
      machine: machineInfo(),
      setup: {
        database: process.env.DATABASE_URL
          ? 'PostgreSQL from DATABASE_URL (a database of the run’s own)'
          : 'embedded PostgreSQL',
        cache: process.env.REDIS_URL
          ? 'Redis from REDIS_URL with the in-process L1'
          : 'in-process cache (no REDIS_URL)',
        peer:
          'url' in peerSetup && process.env.BENCH_PEER_NAME
            ? { url: `${process.env.BENCH_PEER_NAME}, ${peerSetup.url}` }
            : peerSetup,
        phaseSeconds: PHASE_SECONDS,
        profiled: PROFILE,
      },
      floors,
      chat,
      stream,
      embed,
      ...(memory
        ? {
            memory: {
              ...memory,
              idleAfterWarmupWait: idleAfterWarmup,
              idleAfterLoadMiB: idleAfterLoad.rssMiB,
              idleAfterLoadWait: idleAfterLoad,
              requestsBetweenIdles: servedRequests(floors, chat, stream, embed),
              rssTroughs,
              liveHeap,
              openStreams,
            },
          }
        : {}),
    };
    const stamp = startedAt.replace(/[:.]/g, '-');
    writeFileSync(join(RESULTS_DIR, `${stamp}.json`), `${JSON.stringify(results, null, 2)}\n`);
    const markdown = renderResults(results);
    process.stdout.write(`\n${markdown}\n\n`);

    if (PROFILE) {
      const file = readdirSync(profileDir).find((name) => name.endsWith('.cpuprofile'));
      if (!file) throw new Error(`the service wrote no .cpuprofile into ${profileDir}`);
      const profile = JSON.parse(readFileSync(join(profileDir, file), 'utf8')) as CpuProfile;
      const summary = renderProfile(topSelfTime(profile, 20), startedAt);
      process.stdout.write(`${summary}\n\n`);
      await writeDocSection('profile', summary);
      log(`profile: ${join(profileDir, file)}; summary written to docs/benchmarks.md`);
    } else if (!QUICK) {
      await writeDocSection('results', markdown);
      log('results written to docs/benchmarks.md');
    }
    log(`raw figures: bench/bench-results/${stamp}.json (${Math.round(results.seconds)} s in all)`);
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/** `--render <results.json>`: writes a recorded run's tables to docs/benchmarks.md again, as they render now. */
async function renderRecorded(file: string | undefined): Promise<void> {
  if (!file) throw new Error('--render needs the results file of a run (bench/bench-results/<time>.json)');
  const results = JSON.parse(readFileSync(file, 'utf8')) as BenchResults;
  await writeDocSection('results', renderResults(results));
  log(`the results of ${results.startedAt} written to docs/benchmarks.md`);
}

/** Replaces one marked section of docs/benchmarks.md, formatted as `pnpm lint` wants it. */
async function writeDocSection(name: string, content: string): Promise<void> {
  const document = replaceBetweenMarkers(readFileSync(DOC, 'utf8'), name, content);
  const options = (await prettier.resolveConfig(DOC)) ?? {};
  writeFileSync(DOC, await prettier.format(document, { ...options, filepath: DOC }));
}

/** Stores a credential for the mock over the admin API, verified against it; returns its id. */
async function storeCredential(
  service: RunningService,
  token: string,
  name: string,
  mock: RunningMock,
): Promise<string> {
  const response = await fetch(`${service.url}/v1/credentials`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      provider: 'openai',
      name,
      secret: PROVIDER_KEY,
      config: { baseUrl: `${mock.url}/v1` },
      verify: true,
    }),
  });
  const body = (await response.json()) as { id?: string; status?: string };
  if (response.status !== 201 || body.status !== 'active' || !body.id) {
    throw new Error(`storing the credential ${name} failed: ${response.status} ${JSON.stringify(body)}`);
  }
  return body.id;
}

/** Leaves a configured database as it was: the run's credentials go. */
async function deleteCredentials(service: RunningService, token: string): Promise<void> {
  const headers = { authorization: `Bearer ${token}` };
  const list = (await (await fetch(`${service.url}/v1/credentials?limit=100`, { headers })).json()) as {
    data: { id: string }[];
  };
  for (const { id } of list.data) {
    await fetch(`${service.url}/v1/credentials/${id}`, { method: 'DELETE', headers });
  }
}

function report(name: string, result: LoadResult): void {
  log(
    `${name}: ${Math.round(result.rps)} req/s, p50 ${result.latency.p50.toFixed(3)} ms, ` +
      `p99 ${result.latency.p99.toFixed(3)} ms, ${result.ok} ok, ${result.failed} failed`,
  );
}

function reportStream(name: string, result: StreamLoadResult): void {
  log(
    `${name}: ${Math.round(result.streamsPerSecond)} streams/s, ${Math.round(result.chunksPerSecond)} chunks/s, ` +
      `TTFT p50 ${result.ttft.p50.toFixed(3)} ms p99 ${result.ttft.p99.toFixed(3)} ms, ${result.ok} ok, ${result.failed} failed`,
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `[bench] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);

/** The service's answers counted by the load phases (its targets only: REST, gRPC and its health). */
function servedRequests(
  floors: Floors,
  ...phases: { readonly [c: string]: ByTarget<{ readonly ok: number }> }[]
): number {
  let served = (floors.httpService?.ok ?? 0) + (floors.grpcService?.ok ?? 0);
  for (const phase of phases) {
    for (const byTarget of Object.values(phase))
      served += (byTarget.rest?.ok ?? 0) + (byTarget.grpc?.ok ?? 0);
  }
  return served;
}

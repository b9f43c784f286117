import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { isGcTraceLine, parseMajorCollection, type MajorCollection } from './gc-trace.js';

export const ROOT = join(import.meta.dirname, '..', '..');

/** A child process the harness started, and stops. */
export interface Child {
  readonly pid: number;
  /** SIGTERM, then SIGKILL when it has not exited after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

export interface RunningMock extends Child {
  /** Origin, `http://127.0.0.1:<port>`. */
  readonly url: string;
}

export interface RunningService extends Child {
  readonly url: string;
  readonly port: number;
  /** Every major collection so far (the service runs with `--trace-gc`). */
  readonly majorCollections: readonly MajorCollection[];
}

/** Compiles the mock provider (it lives in adapters-llm's testing sources, outside its build). */
export function buildMock(): void {
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  execFileSync(process.execPath, [tsc, '-p', join(ROOT, 'packages/adapters-llm/tsconfig.mock-server.json')], {
    stdio: 'inherit',
  });
}

/** The zero-latency mock provider in its own process; `chunkDelayMs` paces streamed chunks. */
export async function startMock(chunkDelayMs: number): Promise<RunningMock> {
  const child = spawn(
    process.execPath,
    [join(ROOT, 'packages/adapters-llm/dist/mock-server/run-mock-server.js')],
    {
      env: {
        ...process.env,
        MOCK_PORT: '0',
        MOCK_HOST: '127.0.0.1',
        MOCK_CHUNK_DELAY_MS: String(chunkDelayMs),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('the mock provider did not start within 30 s')), 30_000);
    child.once('exit', (code) => reject(new Error(`the mock provider exited (${code}) before listening`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
  });
  child.stdout!.resume();
  return { url, ...childControls(child) };
}

export interface ServiceOptions {
  readonly env: Readonly<Record<string, string>>;
  /** Extra node flags (`--cpu-prof`, ...). */
  readonly nodeFlags?: readonly string[];
}

/**
 * The service from its production build, on a free port of 127.0.0.1, once `/healthz` answers.
 * It runs with `--trace-gc` (a line per collection, a negligible cost): the live heap after each
 * major collection tells a leak from the saw that collections draw in RSS. Those lines are
 * collected, the rest of its output passes through.
 */
export async function startService(options: ServiceOptions): Promise<RunningService> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ['--trace-gc', ...(options.nodeFlags ?? []), join(ROOT, 'apps/server/dist/main.js')],
    {
      cwd: ROOT,
      env: { ...process.env, ...options.env, HOST: '127.0.0.1', PORT: String(port) },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const majorCollections: MajorCollection[] = [];
  createInterface({ input: child.stdout! }).on('line', (line) => {
    const collection = parseMajorCollection(line);
    if (collection) majorCollections.push(collection);
    else if (!isGcTraceLine(line)) process.stdout.write(`${line}\n`);
  });
  let exited: number | null | undefined;
  child.once('exit', (code) => (exited = code));
  const url = `http://127.0.0.1:${port}`;
  // The first start of an embedded PostgreSQL runs initdb: give it time.
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (exited !== undefined) throw new Error(`the service exited (${exited}) before answering /healthz`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error('the service did not answer /healthz within 180 s');
    }
    try {
      const response = await fetch(`${url}/healthz/`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  return { url, port, majorCollections, ...childControls(child) };
}

function childControls(child: ChildProcess): Child {
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  return {
    pid: child.pid!,
    async stop(graceMs = 15_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** A port the OS says is free on 127.0.0.1 now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Resident set size of a process, in MiB (Linux /proc; `ps` elsewhere). */
export function rssMiB(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    if (match) return Number(match[1]) / 1024;
  } catch {
    // not Linux
  }
  const kb = Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim());
  return kb / 1024;
}

/** Runs a command of the service's CLI (`apps/server/dist/cli.js`) and returns its stdout. */
export function serviceCli(args: readonly string[], env: Readonly<Record<string, string>>): string {
  return execFileSync(process.execPath, [join(ROOT, 'apps/server/dist/cli.js'), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  }).trim();
}

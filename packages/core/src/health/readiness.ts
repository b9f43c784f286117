import type { HealthCheck } from '../ports/health-check.js';

export interface DependencyStatus {
  readonly name: string;
  readonly ok: boolean;
  readonly error?: string;
}

export interface Readiness {
  readonly ready: boolean;
  readonly dependencies: readonly DependencyStatus[];
}

/** Pings every dependency at once, each bounded by `timeoutMs`. */
export async function checkReadiness(checks: readonly HealthCheck[], timeoutMs: number): Promise<Readiness> {
  const dependencies = await Promise.all(checks.map((check) => pingWithin(check, timeoutMs)));
  return { ready: dependencies.every((d) => d.ok), dependencies };
}

async function pingWithin(check: HealthCheck, timeoutMs: number): Promise<DependencyStatus> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new Error(`no answer within ${timeoutMs} ms`));
    }, timeoutMs);
  });
  try {
    await Promise.race([check.ping(controller.signal), timeout]);
    return { name: check.name, ok: true };
  } catch (error) {
    return { name: check.name, ok: false, error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

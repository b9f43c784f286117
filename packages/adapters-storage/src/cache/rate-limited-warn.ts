import type { StorageLogger } from '../logger.js';

export type Warn = (obj: Record<string, unknown>, msg: string) => void;

/**
 * A warn that writes each message at most once per interval and says how many it held back, so
 * a Redis outage produces a few lines rather than one per request.
 */
export function rateLimitedWarn(logger: StorageLogger | undefined, intervalMs = 30_000): Warn {
  const last = new Map<string, { at: number; suppressed: number }>();
  return (obj, msg) => {
    if (!logger) return;
    const now = Date.now();
    const seen = last.get(msg);
    if (seen && now - seen.at < intervalMs) {
      seen.suppressed += 1;
      return;
    }
    const suppressed = seen?.suppressed ?? 0;
    last.set(msg, { at: now, suppressed: 0 });
    logger.warn(suppressed > 0 ? { ...obj, suppressed } : obj, msg);
  };
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Retries `check` until it stops throwing, for effects that arrive asynchronously (pub/sub
 * messages, reconnects). Rethrows the last failure after `attempts` tries.
 */
export async function eventually(
  check: () => Promise<void> | void,
  attempts = 100,
  pauseMs = 50,
): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await check();
      return;
    } catch (error) {
      if (attempt >= attempts) throw error;
      await sleep(pauseMs);
    }
  }
}

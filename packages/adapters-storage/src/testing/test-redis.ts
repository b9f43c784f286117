import { dockerAnswers } from './docker.js';
import { report } from './report.js';

export interface TestRedis {
  readonly url: string;
  cleanup(): Promise<void>;
}

/** Where a Redis for tests would come from, decided without starting anything. */
export function testRedisSource(): { source: 'env' | 'container' } | { source: 'none'; reason: string } {
  if (process.env.REDIS_URL) return { source: 'env' };
  if (dockerAnswers()) return { source: 'container' };
  return { source: 'none', reason: 'no REDIS_URL is set and no Docker engine answers' };
}

/** REDIS_URL when set, else a testcontainers Redis when Docker answers, else undefined. */
export async function getTestRedisUrl(): Promise<TestRedis | undefined> {
  const from = testRedisSource();
  if (from.source === 'env' && process.env.REDIS_URL) {
    report('using the REDIS_URL server');
    return { url: process.env.REDIS_URL, cleanup: async () => undefined };
  }
  if (from.source === 'container') {
    try {
      const { RedisContainer } = await import('@testcontainers/redis');
      const container = await new RedisContainer('redis:7-alpine').start();
      report('using a testcontainers Redis');
      return { url: container.getConnectionUrl(), cleanup: async () => void (await container.stop()) };
    } catch (error) {
      report(`Redis container failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return undefined;
}

/**
 * `describe` when a Redis can be had, else `describe.skip` with a printed reason. Inside, call
 * `getTestRedisUrl()` in `beforeAll`.
 */
export function describeIfRedis(name: string, body: () => void): void {
  const from = testRedisSource();
  if (from.source === 'none') {
    report(`skipping "${name}": ${from.reason}`);
    describe.skip(name, body);
  } else {
    describe(name, body);
  }
}

import type { HealthCheck } from '@integration-api/core';
import type { RedisClient } from './redis-clients.js';

/** Readiness of Redis: a PING, which fails at once while the client is disconnected. */
export function redisHealthCheck(client: RedisClient): HealthCheck {
  return {
    name: 'cache',
    async ping() {
      await client.ping();
    },
  };
}

/** The in-process cache has nothing to reach; it is always ready. */
export function inMemoryCacheHealthCheck(): HealthCheck {
  return {
    name: 'cache',
    async ping() {},
  };
}

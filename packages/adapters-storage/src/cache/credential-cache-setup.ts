import type { CredentialCache, HealthCheck } from '@integration-api/core';
import type { StorageLogger } from '../logger.js';
import { inMemoryCacheHealthCheck, redisHealthCheck } from './cache-health-checks.js';
import { InMemoryCredentialCache } from './in-memory-credential-cache.js';
import { LayeredCredentialCache } from './layered-credential-cache.js';
import { createRedisClients } from './redis-clients.js';
import { RedisCredentialCache } from './redis-credential-cache.js';
import { RedisInvalidationBus } from './redis-invalidation-bus.js';

export interface CredentialCacheSettings {
  /** REDIS_URL; without it the cache is per process. */
  readonly redisUrl?: string;
  /** In-process entries live this long. Default 30 s. */
  readonly localTtlMs?: number;
  /** Default 10 000. */
  readonly localMaxEntries?: number;
  /** Redis entries live this long. Default 300 s. */
  readonly redisTtlSeconds?: number;
  readonly logger?: StorageLogger;
}

export interface CredentialCacheSetup {
  readonly cache: CredentialCache;
  /** Named `cache`: PING to Redis, or always ready without Redis. */
  readonly healthCheck: HealthCheck;
  close(): Promise<void>;
}

/**
 * The credential cache for the configuration at hand: the in-process LRU alone without Redis,
 * or the LRU in front of Redis with pub/sub invalidation across replicas.
 */
export async function createCredentialCache(
  settings: CredentialCacheSettings,
): Promise<CredentialCacheSetup> {
  const l1 = new InMemoryCredentialCache({
    ttlMs: settings.localTtlMs ?? 30_000,
    maxEntries: settings.localMaxEntries ?? 10_000,
  });
  if (!settings.redisUrl) {
    return { cache: l1, healthCheck: inMemoryCacheHealthCheck(), close: async () => undefined };
  }
  const { logger } = settings;
  const clients = await createRedisClients(settings.redisUrl, { logger });
  const cache = new LayeredCredentialCache(
    l1,
    new RedisCredentialCache(clients.client, { ttlSeconds: settings.redisTtlSeconds ?? 300, logger }),
    new RedisInvalidationBus(clients.client, clients.subscriber, { logger }),
    { logger },
  );
  return {
    cache,
    healthCheck: redisHealthCheck(clients.client),
    close: async () => {
      await cache.close();
      await clients.close();
    },
  };
}

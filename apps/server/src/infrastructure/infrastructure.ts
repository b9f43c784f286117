import { join } from 'node:path';
import type { CredentialCache, HealthCheck } from '@integration-api/core';
import {
  AesGcmSecretCipher,
  InMemoryCredentialCache,
  LayeredCredentialCache,
  PostgresKeyCheckStore,
  RedisCredentialCache,
  RedisInvalidationBus,
  createDatabase,
  createRedisClients,
  inMemoryCacheHealthCheck,
  migrateToLatest,
  parseKeyRing,
  postgresHealthCheck,
  redisHealthCheck,
  startEmbeddedPostgres,
  verifyKeyRing,
} from '@integration-api/adapters-storage';
import type { Logger } from 'pino';
import type { Config } from '../config/config.js';

export interface Infrastructure {
  readonly db: ReturnType<typeof createDatabase>;
  readonly cache: CredentialCache;
  readonly cipher: AesGcmSecretCipher;
  readonly healthChecks: readonly HealthCheck[];
  /** Closes connections and stops the embedded PostgreSQL, in reverse order of start. */
  close(): Promise<void>;
}

export interface Keys {
  readonly cryptoKey: string;
}

/**
 * Starts what the service stands on: PostgreSQL (configured or embedded), migrations, the key ring
 * (refusing a wrong key), and the cache (Redis with an in-process L1, or in-memory alone).
 */
export async function startInfrastructure(
  config: Config,
  keys: Keys,
  logger: Logger,
): Promise<Infrastructure> {
  const closers: Array<() => Promise<void>> = [];
  const close = async () => {
    for (const closer of closers.reverse()) {
      await closer().catch((error: unknown) => logger.warn({ err: error }, 'error while closing'));
    }
  };
  try {
    // Parse the key before any I/O so a malformed key fails fast.
    const ring = parseKeyRing({
      activeKey: keys.cryptoKey,
      ...(config.cryptoKeyId ? { activeKeyId: config.cryptoKeyId } : {}),
      ...(config.olderCryptoKeys ? { olderKeys: config.olderCryptoKeys } : {}),
    });

    let databaseUrl = config.databaseUrl;
    if (databaseUrl) {
      logger.info({ backend: 'postgresql' }, 'database: PostgreSQL from DATABASE_URL');
    } else {
      const dataDir = join(config.dataDir, 'postgres');
      logger.info(
        { backend: 'embedded-postgresql', dataDir },
        'database: embedded PostgreSQL (no DATABASE_URL)',
      );
      const embedded = await startEmbeddedPostgres({ dataDir, logger });
      closers.push(() => embedded.stop());
      databaseUrl = embedded.url;
    }
    const db = createDatabase(databaseUrl);
    closers.push(() => db.destroy());
    const applied = await migrateToLatest(db);
    if (applied.length > 0) logger.info({ migrations: applied }, 'applied database migrations');

    const keyCheck = await verifyKeyRing(ring, new PostgresKeyCheckStore(db));
    logger.info(
      { activeKeyId: ring.activeKeyId, keyIds: [...ring.keys.keys()], ...keyCheck },
      'encryption keys checked',
    );

    const l1 = new InMemoryCredentialCache({ ttlMs: config.localCacheTtlSeconds * 1000, maxEntries: 10_000 });
    let cache: CredentialCache = l1;
    let cacheCheck = inMemoryCacheHealthCheck();
    if (config.redisUrl) {
      logger.info({ backend: 'redis' }, 'cache: Redis from REDIS_URL with an in-process L1');
      const redis = await createRedisClients(config.redisUrl, { logger });
      closers.push(() => redis.close());
      const shared = new RedisCredentialCache(redis.client, { ttlSeconds: config.cacheTtlSeconds, logger });
      const bus = new RedisInvalidationBus(redis.client, redis.subscriber, { logger });
      cache = new LayeredCredentialCache(l1, shared, bus, { logger });
      cacheCheck = redisHealthCheck(redis.client);
    } else {
      logger.info({ backend: 'in-memory' }, 'cache: in-process only (no REDIS_URL)');
    }

    return {
      db,
      cache,
      cipher: new AesGcmSecretCipher(ring),
      healthChecks: [postgresHealthCheck(db), cacheCheck],
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

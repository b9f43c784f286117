import { join } from 'node:path';
import type { CredentialCache, HealthCheck } from '@integration-api/core';
import {
  AesGcmSecretCipher,
  PostgresKeyCheckStore,
  createCredentialCache,
  createDatabase,
  migrateToLatest,
  parseKeyRing,
  postgresHealthCheck,
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

    logger.info(
      { backend: config.redisUrl ? 'redis' : 'in-memory' },
      config.redisUrl
        ? 'cache: Redis from REDIS_URL with an in-process L1'
        : 'cache: in-process only (no REDIS_URL)',
    );
    const caching = await createCredentialCache({
      ...(config.redisUrl ? { redisUrl: config.redisUrl } : {}),
      localTtlMs: config.localCacheTtlSeconds * 1000,
      redisTtlSeconds: config.cacheTtlSeconds,
      logger,
    });
    closers.push(() => caching.close());

    return {
      db,
      cache: caching.cache,
      cipher: new AesGcmSecretCipher(ring),
      healthChecks: [postgresHealthCheck(db), caching.healthCheck],
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

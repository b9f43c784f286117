export type * from './logger.js';

export * from './crypto/key-material.js';
export * from './crypto/key-ring.js';
export { SealedValueError, ENVELOPE_VERSION } from './crypto/sealed-envelope.js';
export * from './crypto/aes-gcm-secret-cipher.js';
export * from './crypto/key-check.js';

export * from './postgres/database.js';
export * from './postgres/migrate.js';
export * from './postgres/postgres-credential-repository.js';
export * from './postgres/postgres-key-check-store.js';
export * from './postgres/postgres-health-check.js';

export * from './embedded/embedded-postgres.js';

export * from './cache/in-memory-credential-cache.js';
export * from './cache/redis-clients.js';
export * from './cache/redis-credential-cache.js';
export type * from './cache/invalidation-bus.js';
export * from './cache/redis-invalidation-bus.js';
export * from './cache/layered-credential-cache.js';
export * from './cache/cache-health-checks.js';
export * from './cache/credential-cache-setup.js';

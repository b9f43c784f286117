import { findFreePort } from '../embedded/free-port.js';
import { eventually } from '../testing/eventually.js';
import { credentialFixture } from '../testing/fixtures.js';
import { describeIfRedis, getTestRedisUrl, type TestRedis } from '../testing/test-redis.js';
import { redisHealthCheck } from './cache-health-checks.js';
import { createRedisClients, type RedisClients } from './redis-clients.js';
import { RedisCredentialCache } from './redis-credential-cache.js';

function recordingLogger() {
  const warnings: string[] = [];
  return { warnings, warn: (_obj: object, msg: string) => void warnings.push(msg) };
}

describeIfRedis('RedisCredentialCache against Redis', () => {
  let redis: TestRedis;
  let clients: RedisClients;

  beforeAll(async () => {
    const found = await getTestRedisUrl();
    if (!found) throw new Error('no Redis, although describeIfRedis expected one');
    redis = found;
    clients = await createRedisClients(redis.url);
  });

  afterAll(async () => {
    await clients?.close();
    await redis?.cleanup();
  });

  it('round-trips a record, dates included, under a namespaced key', async () => {
    const cache = new RedisCredentialCache(clients.client, { ttlSeconds: 60 });
    const credential = credentialFixture({
      status: 'active',
      lastVerifiedAt: new Date('2026-03-04T05:06:07.089Z'),
    });
    await cache.set(credential);

    const stored = await clients.client.get(`integration-api:credential:${credential.id}`);
    expect(JSON.parse(stored ?? '{}')).toMatchObject({
      id: credential.id,
      sealedSecret: credential.sealedSecret,
    });
    await expect(cache.get(credential.id)).resolves.toEqual(credential);
  });

  it('sets the TTL on every write', async () => {
    const cache = new RedisCredentialCache(clients.client, { ttlSeconds: 120 });
    const credential = credentialFixture();
    await cache.set(credential);
    const ttl = await clients.client.ttl(cache.key(credential.id));
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(120);
  });

  it('reads a missing, invalidated or unreadable record as a miss', async () => {
    const logger = recordingLogger();
    const cache = new RedisCredentialCache(clients.client, { ttlSeconds: 60, logger });
    const credential = credentialFixture();
    await expect(cache.get(credential.id)).resolves.toBeUndefined();
    await cache.set(credential);
    await cache.invalidate(credential.id);
    await expect(cache.get(credential.id)).resolves.toBeUndefined();
    await clients.client.set(cache.key(credential.id), 'not json', { expiration: { type: 'EX', value: 60 } });
    await expect(cache.get(credential.id)).resolves.toBeUndefined();
    expect(logger.warnings).toEqual([expect.stringMatching(/unreadable record/)]);
  });

  it('retries a delete that failed once the connection is back, and serves no stale copy meanwhile', async () => {
    const own = await createRedisClients(redis.url);
    try {
      const cache = new RedisCredentialCache(own.client, { ttlSeconds: 60 });
      const credential = credentialFixture();
      await cache.set(credential);

      own.client.destroy(); // the connection drops
      await cache.invalidate(credential.id);
      await expect(clients.client.exists(cache.key(credential.id))).resolves.toBe(1);
      await expect(cache.get(credential.id)).resolves.toBeUndefined();

      await own.client.connect();
      await eventually(async () => {
        await expect(clients.client.exists(cache.key(credential.id))).resolves.toBe(0);
      });
    } finally {
      await own.close();
    }
  });
});

describe('RedisCredentialCache while Redis is down', () => {
  let clients: RedisClients;
  const logger = recordingLogger();

  beforeAll(async () => {
    // Nothing listens on a port that was free a moment ago.
    clients = await createRedisClients(`redis://127.0.0.1:${await findFreePort()}`, {
      startupWaitMs: 0,
      // Short backoff: the reconnect loop's pending timer ends soon after close.
      maxReconnectDelayMs: 50,
      logger,
    });
  });

  afterAll(async () => {
    await clients.close();
  });

  it('reads as a miss and skips writes without throwing or waiting for a connection', async () => {
    const cache = new RedisCredentialCache(clients.client, { ttlSeconds: 60, logger });
    const credential = credentialFixture();
    await expect(cache.get(credential.id)).resolves.toBeUndefined();
    await expect(cache.set(credential)).resolves.toBeUndefined();
    await expect(cache.invalidate(credential.id)).resolves.toBeUndefined();
    await expect(cache.get(credential.id)).resolves.toBeUndefined();
    // Each kind of failure is reported once, not once per call.
    expect(logger.warnings.filter((w) => /read failed/.test(w))).toHaveLength(1);
    expect(logger.warnings.some((w) => /write failed/.test(w))).toBe(true);
  }, 5000);

  it('reports the cache as not ready', async () => {
    const check = redisHealthCheck(clients.client);
    expect(check.name).toBe('cache');
    await expect(check.ping(new AbortController().signal)).rejects.toThrow(/offline/);
  });
});

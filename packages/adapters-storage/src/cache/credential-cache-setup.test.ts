import { credentialFixture } from '../testing/fixtures.js';
import { describeIfRedis, getTestRedisUrl, type TestRedis } from '../testing/test-redis.js';
import { createCredentialCache } from './credential-cache-setup.js';
import { InMemoryCredentialCache } from './in-memory-credential-cache.js';
import { LayeredCredentialCache } from './layered-credential-cache.js';

describe('createCredentialCache without Redis', () => {
  it('is the in-process cache alone, always ready', async () => {
    const setup = await createCredentialCache({});
    expect(setup.cache).toBeInstanceOf(InMemoryCredentialCache);
    expect(setup.healthCheck.name).toBe('cache');
    await expect(setup.healthCheck.ping(new AbortController().signal)).resolves.toBeUndefined();
    await setup.close();
  });
});

describeIfRedis('createCredentialCache with Redis', () => {
  let redis: TestRedis;

  beforeAll(async () => {
    const found = await getTestRedisUrl();
    if (!found) throw new Error('no Redis, although describeIfRedis expected one');
    redis = found;
  });

  afterAll(async () => {
    await redis?.cleanup();
  });

  it('layers the in-process cache over Redis and reports Redis readiness', async () => {
    const setup = await createCredentialCache({ redisUrl: redis.url });
    try {
      expect(setup.cache).toBeInstanceOf(LayeredCredentialCache);
      await expect(setup.healthCheck.ping(new AbortController().signal)).resolves.toBeUndefined();
      const credential = credentialFixture();
      await setup.cache.set(credential);
      await expect(setup.cache.get(credential.id)).resolves.toBe(credential);
    } finally {
      await setup.close();
    }
  });
});

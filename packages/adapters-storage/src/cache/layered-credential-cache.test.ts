import type { Credential, CredentialCache } from '@integration-api/core';
import { findFreePort } from '../embedded/free-port.js';
import { eventually } from '../testing/eventually.js';
import { credentialFixture } from '../testing/fixtures.js';
import { describeIfRedis, getTestRedisUrl, type TestRedis } from '../testing/test-redis.js';
import { InMemoryCredentialCache } from './in-memory-credential-cache.js';
import type { InvalidationBus, InvalidationListener } from './invalidation-bus.js';
import { LayeredCredentialCache } from './layered-credential-cache.js';
import { createRedisClients, type RedisClients } from './redis-clients.js';
import { RedisCredentialCache } from './redis-credential-cache.js';
import { RedisInvalidationBus } from './redis-invalidation-bus.js';

interface Replica {
  readonly clientName: string;
  readonly clients: RedisClients;
  readonly l1: InMemoryCredentialCache;
  readonly cache: LayeredCredentialCache;
}

/** One service replica: its own connections, its own in-process cache. */
async function startReplica(
  url: string,
  logger?: { warn(obj: object, msg: string): void },
  clientName = `test-${Math.random().toString(36).slice(2)}`,
): Promise<Replica> {
  const clients = await createRedisClients(url, {
    // With a logger it is the Redis-down replica: do not wait, and back off briefly so its
    // reconnect timer ends soon after close.
    ...(logger ? { startupWaitMs: 0, maxReconnectDelayMs: 50 } : {}),
    logger,
    clientName,
  });
  const l1 = new InMemoryCredentialCache({ ttlMs: 60_000, maxEntries: 100 });
  const cache = new LayeredCredentialCache(
    l1,
    new RedisCredentialCache(clients.client, { ttlSeconds: 60, logger }),
    new RedisInvalidationBus(clients.client, clients.subscriber, { logger }),
    { logger },
  );
  return { clients, l1, cache, clientName };
}

async function stopReplica(replica: Replica | undefined): Promise<void> {
  await replica?.cache.close();
  await replica?.clients.close();
}

describeIfRedis('LayeredCredentialCache across two replicas', () => {
  let redis: TestRedis;
  let a: Replica;
  let b: Replica;

  beforeAll(async () => {
    const found = await getTestRedisUrl();
    if (!found) throw new Error('no Redis, although describeIfRedis expected one');
    redis = found;
    [a, b] = await Promise.all([startReplica(redis.url), startReplica(redis.url)]);
    await Promise.all([a.cache.whenSubscribed(), b.cache.whenSubscribed()]);
  });

  afterAll(async () => {
    await stopReplica(a);
    await stopReplica(b);
    await redis?.cleanup();
  });

  it("serves another replica's write from Redis and keeps it in its own L1", async () => {
    const credential = credentialFixture({ lastVerifiedAt: new Date('2026-01-05T00:00:00Z') });
    await a.cache.set(credential);
    await expect(a.l1.get(credential.id)).resolves.toBe(credential);

    await expect(b.l1.get(credential.id)).resolves.toBeUndefined();
    await expect(b.cache.get(credential.id)).resolves.toEqual(credential);
    await expect(b.l1.get(credential.id)).resolves.toEqual(credential);
  });

  it("drops every replica's L1 copy and the Redis copy on invalidation", async () => {
    const credential = credentialFixture();
    await a.cache.set(credential);
    await b.cache.get(credential.id); // b now holds it in L1
    await expect(b.l1.get(credential.id)).resolves.toEqual(credential);

    await a.cache.invalidate(credential.id);

    await expect(a.l1.get(credential.id)).resolves.toBeUndefined();
    await eventually(async () => expect(await b.l1.get(credential.id)).toBeUndefined());
    await expect(b.cache.get(credential.id)).resolves.toBeUndefined();
    await expect(a.clients.client.exists(`integration-api:credential:${credential.id}`)).resolves.toBe(0);
  });

  it('empties its L1 when its subscription comes back after a drop, and hears invalidations again', async () => {
    const stale = credentialFixture();
    await b.cache.set(stale);

    // Drop b's subscriber connection the way a network failure would.
    const subscriberName = `${b.clientName}:subscriber`;
    const list = await a.clients.client.clientList();
    const id = list.find((client) => client.name === subscriberName)?.id;
    expect(id).toBeDefined();
    await a.clients.client.clientKill({ filter: 'ID', id: Number(id) });

    await eventually(async () => expect(await b.l1.get(stale.id)).toBeUndefined());

    const fresh = credentialFixture();
    await b.cache.set(fresh);
    await eventually(async () => {
      await a.cache.invalidate(fresh.id);
      expect(await b.l1.get(fresh.id)).toBeUndefined();
    });
  });
});

describe('LayeredCredentialCache while Redis is down', () => {
  const warnings: string[] = [];
  let replica: Replica;

  beforeAll(async () => {
    const deadUrl = `redis://127.0.0.1:${await findFreePort()}`;
    replica = await startReplica(deadUrl, { warn: (_obj, msg) => void warnings.push(msg) });
  });

  afterAll(async () => {
    await stopReplica(replica);
  });

  it('keeps working from its L1, reads unknown ids as misses and never throws', async () => {
    const credential = credentialFixture();
    await expect(replica.cache.set(credential)).resolves.toBeUndefined();
    await expect(replica.cache.get(credential.id)).resolves.toBe(credential);
    await expect(replica.cache.get(credentialFixture().id)).resolves.toBeUndefined();
    await expect(replica.cache.invalidate(credential.id)).resolves.toBeUndefined();
    await expect(replica.cache.get(credential.id)).resolves.toBeUndefined();
    expect(warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/write failed/),
        expect.stringMatching(/invalidation failed/),
      ]),
    );
  }, 5000);
});

describe('LayeredCredentialCache with a scripted shared layer', () => {
  class ScriptedBus implements InvalidationBus {
    listener?: InvalidationListener;
    readonly published: string[] = [];
    async publish(id: string) {
      this.published.push(id);
    }
    async subscribe(listener: InvalidationListener) {
      this.listener = listener;
    }
    async close() {}
  }

  const failing: CredentialCache = {
    get: () => Promise.reject(new Error('boom')),
    set: () => Promise.reject(new Error('boom')),
    invalidate: () => Promise.reject(new Error('boom')),
  };

  function layered(l2: CredentialCache, bus = new ScriptedBus(), redropAfterMs?: number) {
    const l1 = new InMemoryCredentialCache({ ttlMs: 60_000, maxEntries: 10 });
    return {
      l1,
      bus,
      cache: new LayeredCredentialCache(l1, l2, bus, redropAfterMs ? { redropAfterMs } : {}),
    };
  }

  it('drops again shortly after an invalidation, so a stale copy written back by a racing replica goes too', async () => {
    const shared = new InMemoryCredentialCache({ ttlMs: 60_000, maxEntries: 10 });
    const { bus, cache } = layered(shared, new ScriptedBus(), 20);
    const stale = credentialFixture();
    await cache.invalidate(stale.id);
    await shared.set(stale); // another replica read the old row before the change and caches it now
    await eventually(async () => expect(await shared.get(stale.id)).toBeUndefined());
    expect(bus.published).toEqual([stale.id, stale.id]);
    await cache.close();
  });

  it('drops all of L1 when the bus says messages may have been missed', async () => {
    const { l1, bus, cache } = layered(failing);
    const credential: Credential = credentialFixture();
    await cache.set(credential);
    bus.listener?.resync();
    await expect(l1.get(credential.id)).resolves.toBeUndefined();
  });

  it('drops one L1 entry per invalidation message', async () => {
    const { l1, bus, cache } = layered(failing);
    const [kept, dropped] = [credentialFixture(), credentialFixture()];
    await cache.set(kept);
    await cache.set(dropped);
    bus.listener?.invalidate(dropped.id);
    await expect(l1.get(dropped.id)).resolves.toBeUndefined();
    await expect(l1.get(kept.id)).resolves.toBe(kept);
  });

  it('still publishes the invalidation when the shared layer throws', async () => {
    const { bus, cache } = layered(failing);
    await expect(cache.get('x')).resolves.toBeUndefined();
    await expect(cache.invalidate('x')).resolves.toBeUndefined();
    expect(bus.published).toEqual(['x']);
  });
});

import { FixedClock } from '@integration-api/core/testing';
import { credentialFixture } from '../testing/fixtures.js';
import { InMemoryCredentialCache } from './in-memory-credential-cache.js';

describe('InMemoryCredentialCache', () => {
  const clock = new FixedClock(new Date('2026-01-01T00:00:00Z'));
  const later = (ms: number) => (clock.current = new Date(clock.current.getTime() + ms));

  it('returns what was set until the TTL passes', async () => {
    const cache = new InMemoryCredentialCache({ ttlMs: 1000, maxEntries: 10, clock });
    const credential = credentialFixture();
    await cache.set(credential);
    later(999);
    await expect(cache.get(credential.id)).resolves.toBe(credential);
    later(1);
    await expect(cache.get(credential.id)).resolves.toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('restarts the TTL when a record is set again', async () => {
    const cache = new InMemoryCredentialCache({ ttlMs: 1000, maxEntries: 10, clock });
    const credential = credentialFixture();
    await cache.set(credential);
    later(800);
    await cache.set({ ...credential, version: 2 });
    later(800);
    await expect(cache.get(credential.id)).resolves.toMatchObject({ version: 2 });
  });

  it('drops the least recently used record beyond maxEntries', async () => {
    const cache = new InMemoryCredentialCache({ ttlMs: 60_000, maxEntries: 2, clock });
    const [a, b, c] = [credentialFixture(), credentialFixture(), credentialFixture()];
    await cache.set(a);
    await cache.set(b);
    await cache.get(a.id); // a is now more recent than b
    await cache.set(c);
    await expect(cache.get(b.id)).resolves.toBeUndefined();
    await expect(cache.get(a.id)).resolves.toBe(a);
    await expect(cache.get(c.id)).resolves.toBe(c);
    expect(cache.size).toBe(2);
  });

  it('forgets an invalidated record, and everything on clear', async () => {
    const cache = new InMemoryCredentialCache({ ttlMs: 60_000, maxEntries: 10, clock });
    const [a, b] = [credentialFixture(), credentialFixture()];
    await cache.set(a);
    await cache.set(b);
    await cache.invalidate(a.id);
    await expect(cache.get(a.id)).resolves.toBeUndefined();
    await expect(cache.get(b.id)).resolves.toBe(b);
    cache.clear();
    await expect(cache.get(b.id)).resolves.toBeUndefined();
  });

  it('refuses a non-positive TTL or size', () => {
    expect(() => new InMemoryCredentialCache({ ttlMs: 0, maxEntries: 1 })).toThrow(/ttlMs/);
    expect(() => new InMemoryCredentialCache({ ttlMs: 1, maxEntries: 0 })).toThrow(/maxEntries/);
  });
});

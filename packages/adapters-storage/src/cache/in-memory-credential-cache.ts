import { BoundedMap, type Clock, type Credential, type CredentialCache } from '@integration-api/core';

export interface InMemoryCredentialCacheOptions {
  /** How long an entry is served after it was set. */
  readonly ttlMs: number;
  /** Beyond this, the least recently used entry is dropped. */
  readonly maxEntries: number;
  readonly clock?: Clock;
}

interface Entry {
  readonly credential: Credential;
  readonly expiresAt: number;
}

const systemClock: Clock = { now: () => new Date(), monotonicMs: () => performance.now() };

/**
 * A per-process LRU with a TTL. Alone it is the whole cache (no Redis configured); in front of
 * Redis it is the first level. It only ever holds sealed records.
 */
export class InMemoryCredentialCache implements CredentialCache {
  // Touching an entry on read keeps the least recently used first in line to go.
  private readonly entries: BoundedMap<string, Entry>;
  private readonly clock: Clock;

  constructor(private readonly options: InMemoryCredentialCacheOptions) {
    if (!(options.ttlMs > 0) || !(options.maxEntries >= 1)) {
      throw new Error('InMemoryCredentialCache needs ttlMs > 0 and maxEntries >= 1');
    }
    this.clock = options.clock ?? systemClock;
    this.entries = new BoundedMap(options.maxEntries);
  }

  get size(): number {
    return this.entries.size;
  }

  async get(id: string): Promise<Credential | undefined> {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(id);
      return undefined;
    }
    this.entries.touch(id, entry);
    return entry.credential;
  }

  async set(credential: Credential): Promise<void> {
    this.entries.set(credential.id, { credential, expiresAt: this.now() + this.options.ttlMs });
  }

  async invalidate(id: string): Promise<void> {
    this.entries.delete(id);
  }

  /** Drops everything, e.g. after invalidation messages may have been missed. */
  clear(): void {
    this.entries.clear();
  }

  private now(): number {
    return this.clock.now().getTime();
  }
}

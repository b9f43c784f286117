import type { Clock, Credential, CredentialCache } from '@integration-api/core';

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
  // A Map iterates in insertion order; re-inserting on read keeps the least recent first.
  private readonly entries = new Map<string, Entry>();
  private readonly clock: Clock;

  constructor(private readonly options: InMemoryCredentialCacheOptions) {
    if (!(options.ttlMs > 0) || !(options.maxEntries >= 1)) {
      throw new Error('InMemoryCredentialCache needs ttlMs > 0 and maxEntries >= 1');
    }
    this.clock = options.clock ?? systemClock;
  }

  get size(): number {
    return this.entries.size;
  }

  async get(id: string): Promise<Credential | undefined> {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    this.entries.delete(id);
    if (entry.expiresAt <= this.now()) return undefined;
    this.entries.set(id, entry);
    return entry.credential;
  }

  async set(credential: Credential): Promise<void> {
    this.entries.delete(credential.id);
    this.entries.set(credential.id, { credential, expiresAt: this.now() + this.options.ttlMs });
    while (this.entries.size > this.options.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
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

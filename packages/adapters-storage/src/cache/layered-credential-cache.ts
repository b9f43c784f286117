import type { Credential, CredentialCache } from '@integration-api/core';
import type { StorageLogger } from '../logger.js';
import type { InMemoryCredentialCache } from './in-memory-credential-cache.js';
import type { InvalidationBus } from './invalidation-bus.js';
import { errorMessage, rateLimitedWarn, type Warn } from './rate-limited-warn.js';

/** Longer than a replica needs between reading a row and caching it. */
export const DEFAULT_REDROP_AFTER_MS = 2_000;

/**
 * The in-process LRU in front of the shared Redis cache. Reads try L1, then Redis (filling L1);
 * writes go to both; an invalidation drops both and is published so every replica drops its L1
 * copy. Never throws: a failing Redis reads as a miss, so callers fall back to PostgreSQL.
 */
export class LayeredCredentialCache implements CredentialCache {
  private readonly warn: Warn;
  private readonly subscribed: Promise<void>;
  private readonly redropAfterMs: number;
  private readonly pendingRedrops = new Set<ReturnType<typeof setTimeout>>();

  constructor(
    private readonly l1: InMemoryCredentialCache,
    private readonly l2: CredentialCache,
    private readonly bus: InvalidationBus,
    options: { readonly logger?: StorageLogger; readonly redropAfterMs?: number } = {},
  ) {
    this.warn = rateLimitedWarn(options.logger);
    this.redropAfterMs = options.redropAfterMs ?? DEFAULT_REDROP_AFTER_MS;
    this.subscribed = bus.subscribe({
      invalidate: (id) => void l1.invalidate(id),
      resync: () => l1.clear(),
    });
    // Handled here so a bus that fails to subscribe is reported, not an unhandled rejection.
    this.subscribed.catch((error: unknown) =>
      this.warn({ err: errorMessage(error) }, 'subscribing to credential invalidations failed'),
    );
  }

  /** Resolves once invalidations from other replicas are being received. */
  whenSubscribed(): Promise<void> {
    return this.subscribed;
  }

  async get(id: string): Promise<Credential | undefined> {
    const local = await this.l1.get(id);
    if (local) return local;
    const shared = await this.guard(() => this.l2.get(id), undefined);
    if (shared) await this.l1.set(shared);
    return shared;
  }

  async set(credential: Credential): Promise<void> {
    await this.l1.set(credential);
    await this.guard(() => this.l2.set(credential), undefined);
  }

  async invalidate(id: string): Promise<void> {
    await this.dropEverywhere(id);
    // A replica that read the old row just before the change may write it back to the caches a
    // moment after this drop; dropping again shortly after closes that window (a "delayed double
    // delete"), so a changed or deleted credential is not served until the Redis TTL runs out.
    const timer = setTimeout(() => {
      this.pendingRedrops.delete(timer);
      void this.dropEverywhere(id);
    }, this.redropAfterMs);
    timer.unref();
    this.pendingRedrops.add(timer);
  }

  /** Stops listening for invalidations (the Redis clients are closed by their owner). */
  close(): Promise<void> {
    for (const timer of this.pendingRedrops) clearTimeout(timer);
    this.pendingRedrops.clear();
    return this.bus.close();
  }

  private async dropEverywhere(id: string): Promise<void> {
    await this.l1.invalidate(id);
    await this.guard(() => this.l2.invalidate(id), undefined);
    await this.guard(() => this.bus.publish(id), undefined);
  }

  private async guard<T>(operation: () => Promise<T>, fallback: T): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      this.warn({ err: errorMessage(error) }, 'shared credential cache failed; continuing without it');
      return fallback;
    }
  }
}

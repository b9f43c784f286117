import type { Credential, CredentialCache } from '@integration-api/core';
import type { StorageLogger } from '../logger.js';
import { parseCredential, serializeCredential } from './credential-json.js';
import { errorMessage, rateLimitedWarn, type Warn } from './rate-limited-warn.js';
import type { RedisClient } from './redis-clients.js';
import { withTimeout } from './with-timeout.js';

export interface RedisCredentialCacheOptions {
  readonly ttlSeconds: number;
  /** Default `integration-api:credential:`. */
  readonly keyPrefix?: string;
  /** Default 500 ms. */
  readonly commandTimeoutMs?: number;
  readonly logger?: StorageLogger;
}

export const DEFAULT_CREDENTIAL_KEY_PREFIX = 'integration-api:credential:';
const MAX_PENDING_DELETES = 10_000;

/**
 * Sealed credential records in Redis as JSON, each with a TTL. Degrades instead of failing:
 * when Redis is down or slow a read is a miss and a write is skipped (with a rate-limited warn).
 * A delete that failed is remembered and retried when the connection is back; until then this
 * process treats that id as a miss, so it never serves the record it could not delete.
 */
export class RedisCredentialCache implements CredentialCache {
  private readonly keyPrefix: string;
  private readonly commandTimeoutMs: number;
  private readonly warn: Warn;
  private readonly pendingDeletes = new Set<string>();

  constructor(
    private readonly client: RedisClient,
    private readonly options: RedisCredentialCacheOptions,
  ) {
    if (!Number.isInteger(options.ttlSeconds) || options.ttlSeconds < 1) {
      throw new Error('RedisCredentialCache needs ttlSeconds to be a whole number >= 1');
    }
    this.keyPrefix = options.keyPrefix ?? DEFAULT_CREDENTIAL_KEY_PREFIX;
    this.commandTimeoutMs = options.commandTimeoutMs ?? 500;
    this.warn = rateLimitedWarn(options.logger);
    client.on('ready', () => void this.retryPendingDeletes());
  }

  key(id: string): string {
    return `${this.keyPrefix}${id}`;
  }

  async get(id: string): Promise<Credential | undefined> {
    if (this.pendingDeletes.has(id)) return undefined;
    let text: string | null;
    try {
      text = await this.run(this.client.get(this.key(id)), 'GET');
    } catch (error) {
      this.warn({ err: errorMessage(error) }, 'Redis credential cache read failed; reading as a miss');
      return undefined;
    }
    if (text === null) return undefined;
    const credential = parseCredential(text);
    if (!credential) this.warn({ id }, 'Redis credential cache held an unreadable record; reading as a miss');
    return credential;
  }

  async set(credential: Credential): Promise<void> {
    try {
      await this.run(
        this.client.set(this.key(credential.id), serializeCredential(credential), {
          expiration: { type: 'EX', value: this.options.ttlSeconds },
        }),
        'SET',
      );
      // The fresh record replaced whatever a failed delete left behind.
      this.pendingDeletes.delete(credential.id);
    } catch (error) {
      this.warn({ err: errorMessage(error) }, 'Redis credential cache write failed; skipped');
    }
  }

  async invalidate(id: string): Promise<void> {
    try {
      await this.run(this.client.del(this.key(id)), 'DEL');
      this.pendingDeletes.delete(id);
    } catch (error) {
      this.warn(
        { err: errorMessage(error) },
        'Redis credential cache delete failed; will retry on reconnect',
      );
      this.rememberPendingDelete(id);
    }
  }

  private rememberPendingDelete(id: string): void {
    this.pendingDeletes.add(id);
    if (this.pendingDeletes.size > MAX_PENDING_DELETES) {
      const oldest = this.pendingDeletes.values().next();
      if (!oldest.done) this.pendingDeletes.delete(oldest.value);
      this.warn({}, 'too many Redis deletes pending; the oldest is dropped and may be served until its TTL');
    }
  }

  private async retryPendingDeletes(): Promise<void> {
    for (const id of [...this.pendingDeletes]) {
      try {
        await this.run(this.client.del(this.key(id)), 'DEL');
        this.pendingDeletes.delete(id);
      } catch {
        return; // Still failing: the next reconnect tries again.
      }
    }
  }

  private run<T>(command: Promise<T>, name: string): Promise<T> {
    return withTimeout(command, this.commandTimeoutMs, `Redis ${name}`);
  }
}

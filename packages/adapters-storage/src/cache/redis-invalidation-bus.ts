import type { StorageLogger } from '../logger.js';
import type { InvalidationBus, InvalidationListener } from './invalidation-bus.js';
import { errorMessage, rateLimitedWarn, type Warn } from './rate-limited-warn.js';
import type { RedisClient } from './redis-clients.js';
import { withTimeout } from './with-timeout.js';

export const DEFAULT_INVALIDATION_CHANNEL = 'integration-api:credential-invalidations';

export interface RedisInvalidationBusOptions {
  /** Default `integration-api:credential-invalidations`. */
  readonly channel?: string;
  /** Default 500 ms. */
  readonly commandTimeoutMs?: number;
  readonly logger?: StorageLogger;
}

/**
 * Credential invalidations over Redis pub/sub: PUBLISH on the command client, SUBSCRIBE on a
 * dedicated subscriber. Each time the subscriber (re)connects the listener is told to resync,
 * because whatever was published while it was away is lost.
 */
export class RedisInvalidationBus implements InvalidationBus {
  readonly channel: string;
  private readonly commandTimeoutMs: number;
  private readonly warn: Warn;
  private active?: { onMessage: (id: string) => void; onReady: () => void };

  constructor(
    private readonly client: RedisClient,
    private readonly subscriber: RedisClient,
    options: RedisInvalidationBusOptions = {},
  ) {
    this.channel = options.channel ?? DEFAULT_INVALIDATION_CHANNEL;
    this.commandTimeoutMs = options.commandTimeoutMs ?? 500;
    this.warn = rateLimitedWarn(options.logger);
  }

  async publish(id: string): Promise<void> {
    try {
      await withTimeout(this.client.publish(this.channel, id), this.commandTimeoutMs, 'Redis PUBLISH');
    } catch (error) {
      this.warn({ err: errorMessage(error) }, 'publishing a credential invalidation failed');
    }
  }

  subscribe(listener: InvalidationListener): Promise<void> {
    if (this.active) throw new Error('RedisInvalidationBus has a listener already');
    const onMessage = (id: string) => listener.invalidate(id);
    let subscribed = false;
    let markSubscribed: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (markSubscribed = resolve));
    const attempt = () =>
      this.subscriber.subscribe(this.channel, onMessage).then(
        () => {
          subscribed = true;
          markSubscribed();
        },
        (error: unknown) => this.warn({ err: errorMessage(error) }, 'subscribing to invalidations failed'),
      );
    const onReady = () => {
      listener.resync();
      // node-redis resubscribes by itself after a reconnect, but only once a SUBSCRIBE succeeded.
      if (!subscribed) void attempt();
    };
    this.active = { onMessage, onReady };
    this.subscriber.on('ready', onReady);
    void attempt();
    return done;
  }

  async close(): Promise<void> {
    if (!this.active) return;
    const { onMessage, onReady } = this.active;
    this.active = undefined;
    this.subscriber.off('ready', onReady);
    try {
      await withTimeout(
        this.subscriber.unsubscribe(this.channel, onMessage),
        this.commandTimeoutMs,
        'Redis UNSUBSCRIBE',
      );
    } catch {
      // The connection is going away anyway.
    }
  }
}

import { createClient } from 'redis';
import type { StorageLogger } from '../logger.js';
import { errorMessage, rateLimitedWarn } from './rate-limited-warn.js';

export type RedisClient = ReturnType<typeof createClient>;

export interface RedisClients {
  /** For commands. Rejects at once while disconnected instead of queueing. */
  readonly client: RedisClient;
  /** Dedicated to SUBSCRIBE (a subscribed connection cannot run other commands). */
  readonly subscriber: RedisClient;
  close(): Promise<void>;
}

export interface RedisClientsOptions {
  /** Per connection attempt. Default 2000 ms. */
  readonly connectTimeoutMs?: number;
  /** How long `createRedisClients` waits for the first connection before returning anyway. Default 2000 ms. */
  readonly startupWaitMs?: number;
  /** Upper bound of the reconnect backoff (100 ms doubling per attempt, plus jitter). Default 5000 ms. */
  readonly maxReconnectDelayMs?: number;
  /** Shown by CLIENT LIST; the subscriber gets `:subscriber` appended. Default `integration-api`. */
  readonly clientName?: string;
  readonly logger?: StorageLogger;
}

/**
 * Connects the command client and the subscriber. Returns once both are ready or after
 * `startupWaitMs`, whichever is first: a Redis that is down degrades the cache, it does not stop
 * the service. Both keep reconnecting in the background with capped exponential backoff.
 */
export async function createRedisClients(
  url: string,
  options: RedisClientsOptions = {},
): Promise<RedisClients> {
  const warn = rateLimitedWarn(options.logger);
  const name = options.clientName ?? 'integration-api';
  const maxReconnectDelayMs = options.maxReconnectDelayMs ?? 5000;
  const connect = (role: string, disableOfflineQueue: boolean): RedisClient => {
    const client = createClient({
      url,
      name: role === 'subscriber' ? `${name}:subscriber` : name,
      // Commands fail fast while disconnected; the subscriber keeps its SUBSCRIBE queued instead.
      disableOfflineQueue,
      socket: {
        connectTimeout: options.connectTimeoutMs ?? 2000,
        reconnectStrategy: (retries) => {
          const delay = Math.min(100 * 2 ** retries, maxReconnectDelayMs);
          // Jitter spreads the reconnects of many replicas after an outage.
          return delay + Math.floor(Math.random() * delay * 0.2);
        },
      },
    });
    // Without a listener an 'error' event would crash the process.
    client.on('error', (error: unknown) =>
      warn({ role, err: errorMessage(error) }, 'Redis connection error'),
    );
    client
      .connect()
      .catch((error: unknown) => warn({ role, err: errorMessage(error) }, 'Redis connect failed'));
    return client;
  };
  const client = connect('commands', true);
  const subscriber = connect('subscriber', false);

  const startupWaitMs = options.startupWaitMs ?? 2000;
  if (startupWaitMs > 0) {
    await Promise.all([whenReady(client, startupWaitMs), whenReady(subscriber, startupWaitMs)]);
    if (!client.isReady) {
      options.logger?.warn({}, 'Redis is not reachable yet; the cache reads as empty until it is');
    }
  }

  return {
    client,
    subscriber,
    close: async () => {
      await Promise.all([closeClient(client), closeClient(subscriber)]);
    },
  };
}

/** Resolves when the client is ready or after `timeoutMs`, whichever is first; never rejects. */
export function whenReady(client: RedisClient, timeoutMs: number): Promise<boolean> {
  if (client.isReady) return Promise.resolve(true);
  return new Promise((resolve) => {
    const onReady = () => {
      clearTimeout(timer);
      resolve(true);
    };
    const timer = setTimeout(() => {
      client.off('ready', onReady);
      resolve(false);
    }, timeoutMs);
    client.once('ready', onReady);
  });
}

async function closeClient(client: RedisClient): Promise<void> {
  try {
    // A connected client finishes its pending commands; one still (re)connecting is dropped.
    if (client.isReady) await client.close();
    else if (client.isOpen) client.destroy();
  } catch {
    // Already closed.
  }
}

import { Pool, type Dispatcher } from 'undici';
import { createGuardedConnector } from './guarded-connector.js';

export interface UpstreamTimeouts {
  /** TCP + TLS handshake. */
  readonly connectTimeoutMs: number;
  /** From sending the request to the first byte of the response headers. */
  readonly headersTimeoutMs: number;
  /** Longest silence between two chunks of the response body. */
  readonly bodyTimeoutMs: number;
}

export interface UpstreamClientsOptions extends Partial<UpstreamTimeouts> {
  /** How long an idle keep-alive connection stays open (the upstream's Keep-Alive hint may lower it). */
  readonly keepAliveTimeoutMs?: number;
  /** Most connections to one origin; default unlimited (streams hold a connection for minutes). */
  readonly connectionsPerOrigin?: number;
  /** Allow private and loopback upstreams (INTEGRATION_ALLOW_PRIVATE_UPSTREAMS). Default false. */
  readonly allowPrivate?: boolean;
}

export const DEFAULT_UPSTREAM_TIMEOUTS: UpstreamTimeouts = {
  connectTimeoutMs: 10_000,
  // Non-streamed completions send headers only once the whole answer is generated.
  headersTimeoutMs: 300_000,
  bodyTimeoutMs: 120_000,
};

export interface UpstreamRequest {
  readonly url: string | URL;
  readonly method: Dispatcher.HttpMethod;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Uint8Array;
  readonly signal?: AbortSignal;
  /** Overrides the clients' default for this request (verification uses short ones). */
  readonly headersTimeoutMs?: number;
  readonly bodyTimeoutMs?: number;
}

export type UpstreamResponse = Dispatcher.ResponseData;

/**
 * The service's connections to providers: one keep-alive pool per upstream origin, created on
 * first use and shared by every request to that origin. Unless private upstreams are allowed,
 * every connection is checked against private and loopback addresses when it is opened.
 */
export class UpstreamClients {
  readonly timeouts: UpstreamTimeouts;
  private readonly pools = new Map<string, Pool>();
  private readonly options: UpstreamClientsOptions;
  private closed = false;

  constructor(options: UpstreamClientsOptions = {}) {
    this.options = options;
    this.timeouts = {
      connectTimeoutMs: options.connectTimeoutMs ?? DEFAULT_UPSTREAM_TIMEOUTS.connectTimeoutMs,
      headersTimeoutMs: options.headersTimeoutMs ?? DEFAULT_UPSTREAM_TIMEOUTS.headersTimeoutMs,
      bodyTimeoutMs: options.bodyTimeoutMs ?? DEFAULT_UPSTREAM_TIMEOUTS.bodyTimeoutMs,
    };
  }

  /** The pool for the URL's origin. Redirects are never followed; the response is returned as is. */
  pool(url: string | URL): Pool {
    if (this.closed) throw new Error('the upstream clients are closed');
    const origin = new URL(url).origin;
    let pool = this.pools.get(origin);
    if (!pool) {
      pool = this.createPool(origin);
      this.pools.set(origin, pool);
    }
    return pool;
  }

  /** Sends one request. Rejects on network errors and timeouts; any HTTP status resolves. */
  request(request: UpstreamRequest): Promise<UpstreamResponse> {
    const url = new URL(request.url);
    return this.pool(url).request({
      path: `${url.pathname}${url.search}`,
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: request.signal,
      headersTimeout: request.headersTimeoutMs ?? this.timeouts.headersTimeoutMs,
      bodyTimeout: request.bodyTimeoutMs ?? this.timeouts.bodyTimeoutMs,
    });
  }

  /** Closes every pool after its in-flight requests finish. */
  async close(): Promise<void> {
    this.closed = true;
    const pools = [...this.pools.values()];
    this.pools.clear();
    await Promise.all(pools.map((pool) => pool.close()));
  }

  private createPool(origin: string): Pool {
    const { connectTimeoutMs, headersTimeoutMs, bodyTimeoutMs } = this.timeouts;
    return new Pool(origin, {
      connect: this.options.allowPrivate
        ? { timeout: connectTimeoutMs }
        : createGuardedConnector({ timeoutMs: connectTimeoutMs }),
      headersTimeout: headersTimeoutMs,
      bodyTimeout: bodyTimeoutMs,
      keepAliveTimeout: this.options.keepAliveTimeoutMs ?? 30_000,
      ...(this.options.connectionsPerOrigin ? { connections: this.options.connectionsPerOrigin } : {}),
    });
  }
}

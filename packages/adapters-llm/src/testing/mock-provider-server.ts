import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** One request as the mock received it. */
export interface RecordedRequest {
  readonly method: string;
  /** The path without the query string. */
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly headers: IncomingHttpHeaders;
  /** The body as UTF-8 text ('' when empty). */
  readonly body: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  readonly json: unknown;
  /** Which TCP connection carried the request, numbered from 1 in order of arrival. */
  readonly connectionId: number;
}

export interface MockContext {
  /** Aborts when the client goes away, so long-running handlers (streams, delays) can stop. */
  readonly signal: AbortSignal;
}

/** Answers one request. Reply builders (json, hang, ...) return handlers; a test may write its own. */
export type MockHandler = (
  request: RecordedRequest,
  response: ServerResponse,
  context: MockContext,
) => void | Promise<void>;

/**
 * How the answer to a request ended: `finished` when the whole response was sent, `closed-early`
 * when the connection closed first (the client went away, or the handler cut it on purpose).
 */
export type ResponseEnd = 'finished' | 'closed-early';

export interface MockProviderServerOptions {
  /** Default: an ephemeral port. */
  readonly port?: number;
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Keep every request in `requests` (default); a long-running mock turns it off. */
  readonly record?: boolean;
}

export interface RouteOptions {
  /** Answer this many matching requests, then let older routes answer. Default: every one. */
  readonly times?: number;
}

interface Route {
  readonly method: string;
  readonly path: string | RegExp;
  readonly handler: MockHandler;
  remaining: number;
}

/**
 * A real HTTP server on 127.0.0.1 and an ephemeral port that plays a provider: tests script a
 * handler per route and assert on what was received. The newest matching route answers; requests
 * no route matches get a 404 in OpenAI's error shape.
 */
export class MockProviderServer {
  /** Every request received, in order. */
  readonly requests: RecordedRequest[] = [];
  private readonly routes: Route[] = [];
  private readonly ends: Promise<ResponseEnd>[] = [];
  private readonly sockets = new Map<Socket, number>();
  private connections = 0;

  private constructor(
    private readonly server: Server,
    /** Origin of the server, `http://127.0.0.1:<port>`. */
    readonly url: string,
    private readonly record: boolean,
  ) {}

  static async start(options: MockProviderServerOptions = {}): Promise<MockProviderServer> {
    const host = options.host ?? '127.0.0.1';
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, host, () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    const mock = new MockProviderServer(server, origin, options.record ?? true);
    server.on('connection', (socket) => mock.track(socket));
    server.on('request', (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on(
        'end',
        () => void mock.answer(req.method ?? 'GET', req.url ?? '/', req.headers, chunks, req.socket, res),
      );
    });
    return mock;
  }

  /** `url` joined with a path: `urlFor('/v1')`. */
  urlFor(path: string): string {
    return `${this.url}${path}`;
  }

  /** Scripts the answer to `method path` (a RegExp matches the path without query). */
  route(method: string, path: string | RegExp, handler: MockHandler, options: RouteOptions = {}): this {
    this.routes.push({ method: method.toUpperCase(), path, handler, remaining: options.times ?? Infinity });
    return this;
  }

  /** How many TCP connections clients opened so far; shows whether keep-alive reused them. */
  get connectionCount(): number {
    return this.connections;
  }

  /**
   * How the answer to the request at `index` (default: the latest) ended, once it has: shows
   * whether a client that gave up really closed its connection.
   */
  responseEnd(index = this.ends.length - 1): Promise<ResponseEnd> {
    const end = this.ends[index];
    if (!end) throw new Error(`mock: no request #${index} was received`);
    return end;
  }

  /** Forgets routes and recorded requests (not the connection count). */
  reset(): void {
    this.routes.length = 0;
    this.requests.length = 0;
    this.ends.length = 0;
  }

  /** Drops every open connection (including ones a handler never answered) and stops listening. */
  async close(): Promise<void> {
    for (const socket of this.sockets.keys()) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private track(socket: Socket): void {
    this.connections += 1;
    this.sockets.set(socket, this.connections);
    socket.once('close', () => this.sockets.delete(socket));
  }

  private async answer(
    method: string,
    rawUrl: string,
    headers: IncomingHttpHeaders,
    chunks: Buffer[],
    socket: Socket,
    response: ServerResponse,
  ): Promise<void> {
    const url = new URL(rawUrl, this.url);
    const body = Buffer.concat(chunks).toString('utf8');
    const request: RecordedRequest = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers,
      body,
      json: parseJson(body),
      connectionId: this.sockets.get(socket) ?? 0,
    };
    if (this.record) {
      this.requests.push(request);
      this.ends.push(
        new Promise((resolve) =>
          response.once('close', () => resolve(response.writableFinished ? 'finished' : 'closed-early')),
        ),
      );
    }

    const abort = new AbortController();
    response.once('close', () => abort.abort());
    const handler = this.take(request) ?? noRoute;
    try {
      await handler(request, response, { signal: abort.signal });
    } catch (error) {
      if (response.headersSent) response.destroy();
      else
        response
          .writeHead(500, { 'content-type': 'application/json' })
          .end(JSON.stringify({ error: { message: `mock handler failed: ${String(error)}` } }));
    }
  }

  private take(request: RecordedRequest): MockHandler | undefined {
    for (let i = this.routes.length - 1; i >= 0; i -= 1) {
      const route = this.routes[i]!;
      if (route.remaining <= 0 || route.method !== request.method) continue;
      const matches =
        typeof route.path === 'string' ? route.path === request.path : route.path.test(request.path);
      if (!matches) continue;
      route.remaining -= 1;
      return route.handler;
    }
    return undefined;
  }
}

const noRoute: MockHandler = (request, response) => {
  response.writeHead(404, { 'content-type': 'application/json' });
  response.end(
    JSON.stringify({ error: { message: `mock: no route for ${request.method} ${request.path}` } }),
  );
};

function parseJson(body: string): unknown {
  if (!body) return undefined;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

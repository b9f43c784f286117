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
  private readonly sockets = new Map<Socket, number>();
  private connections = 0;

  private constructor(
    private readonly server: Server,
    /** Origin of the server, `http://127.0.0.1:<port>`. */
    readonly url: string,
  ) {}

  static async start(): Promise<MockProviderServer> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    const mock = new MockProviderServer(server, `http://127.0.0.1:${port}`);
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

  /** Forgets routes and recorded requests (not the connection count). */
  reset(): void {
    this.routes.length = 0;
    this.requests.length = 0;
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
    this.requests.push(request);

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

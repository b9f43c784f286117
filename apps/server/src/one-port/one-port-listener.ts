import net from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import { ServerCredentials } from '@grpc/grpc-js';
import type { Server as GrpcServer } from '@grpc/grpc-js';
import { sniffConnection } from './preface-sniffer.js';

/** The subset of a pino logger the listener uses. */
export interface OnePortLogger {
  debug(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface OnePortListenerOptions {
  host: string;
  /** 0 picks a free port; the listener reports the actual one. */
  port: number;
  /** Serves HTTP/1.1 connections (fastify's `app.server`); must not listen itself. */
  httpServer: HttpServer;
  /** Serves HTTP/2 connections as gRPC; must not be bound itself. Shut down by `close()`. */
  grpcServer: GrpcServer;
  /** Defaults to insecure (plain-text HTTP/2): TLS, if any, ends in front of the service. */
  grpcCredentials?: ServerCredentials;
  /** A connection that has not shown its protocol within this time is destroyed. Default 10 s. */
  sniffTimeoutMs?: number;
  logger?: OnePortLogger;
}

export interface OnePortListener {
  /** The port actually listened on. */
  readonly port: number;
  /**
   * Stops accepting connections and drains: in-flight HTTP requests and gRPC calls may finish within
   * `graceMs`; idle keep-alive connections and connections still being sniffed are closed at once.
   * After the grace everything left is destroyed. Resolves when every connection is closed. Idempotent.
   */
  close(graceMs: number): Promise<void>;
}

const DEFAULT_SNIFF_TIMEOUT_MS = 10_000;
const silentLogger: OnePortLogger = { debug: () => {}, warn: () => {} };

/**
 * Serves gRPC and HTTP/1.1 on one TCP port, routing each connection by its first bytes (as Go's cmux
 * does): the HTTP/2 client preface goes to the gRPC server, anything else to the HTTP server.
 */
export async function startOnePortListener(options: OnePortListenerOptions): Promise<OnePortListener> {
  const { httpServer, grpcServer } = options;
  const logger = options.logger ?? silentLogger;
  const sniffTimeoutMs = options.sniffTimeoutMs ?? DEFAULT_SNIFF_TIMEOUT_MS;
  const injector = grpcServer.createConnectionInjector(
    options.grpcCredentials ?? ServerCredentials.createInsecure(),
  );

  const sockets = new Set<Socket>();
  const sniffing = new Set<Socket>();
  const responses = new Set<ServerResponse>();
  let closing = false;

  // Track HTTP responses so that, while closing, each one tells its client the connection ends with
  // it (`connection: close`), and a keep-alive connection that just went idle is closed right away
  // instead of holding shutdown until its keep-alive timeout. Prepended so the header is set before
  // the application's handler can write the head.
  const onRequest = (_request: IncomingMessage, response: ServerResponse): void => {
    if (closing) response.setHeader('connection', 'close');
    responses.add(response);
    response.once('close', () => {
      responses.delete(response);
      if (closing) httpServer.closeIdleConnections();
    });
  };

  const netServer = net.createServer({ noDelay: true }, (socket) => {
    sockets.add(socket);
    // Errors on a connection (resets, timeouts) concern that connection only: never crash on them.
    socket.on('error', (error) => logger.debug({ err: error }, 'one-port connection error'));
    socket.once('close', () => sockets.delete(socket));

    sniffing.add(socket);
    sniffConnection(socket, sniffTimeoutMs, (result) => {
      sniffing.delete(socket);
      switch (result) {
        case 'http2':
          // Still paused with the preface unshifted: the HTTP/2 session reads it first.
          injector.injectConnection(socket);
          break;
        case 'http1':
          httpServer.emit('connection', socket);
          // The sniffer left the socket paused; the HTTP parser's 'data' listener does not restart
          // the flow by itself, so without this the request would never be read.
          socket.resume();
          break;
        case 'timeout':
          logger.debug({ remoteAddress: socket.remoteAddress }, 'one-port connection silent: closed');
          break;
        case 'closed':
          break;
      }
    });
  });

  try {
    await new Promise<void>((resolve, reject) => {
      netServer.once('error', reject);
      netServer.listen({ host: options.host, port: options.port }, () => {
        netServer.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    injector.destroy();
    throw error;
  }
  netServer.on('error', (error) => logger.warn({ err: error }, 'one-port listener error'));
  const port = (netServer.address() as AddressInfo).port;

  httpServer.prependListener('request', onRequest);
  // Node's http.Server only starts tracking its connections (which `closeIdleConnections()` needs, as do
  // its headersTimeout/requestTimeout checks) on 'listening'. It never listens itself, so we tell it.
  if (!httpServer.listening) httpServer.emit('listening');

  async function shutdown(graceMs: number): Promise<void> {
    closing = true;
    // Stops accepting at once; the callback runs when every accepted connection has closed, whoever
    // served it.
    const allClosed = new Promise<void>((resolve) => netServer.close(() => resolve()));

    for (const socket of sniffing) socket.destroy();

    for (const response of responses) {
      if (!response.headersSent) response.setHeader('connection', 'close');
    }
    httpServer.closeIdleConnections();

    // GOAWAY to every gRPC session: running calls may finish, no new ones start (grpc-js cancels what
    // is left after the grace). tryShutdown marks the server shut and closes the injector's internal
    // HTTP/2 server; it would wait forever on an endless stream, hence the race below, not its callback.
    injector.drain(graceMs);
    grpcServer.tryShutdown(() => {});

    let graceTimer: NodeJS.Timeout | undefined;
    const graceOver = new Promise<'grace over'>((resolve) => {
      graceTimer = setTimeout(() => resolve('grace over'), graceMs);
    });
    const outcome = await Promise.race([allClosed, graceOver]);
    clearTimeout(graceTimer);
    if (outcome === 'grace over') {
      logger.warn({ connections: sockets.size }, 'one-port grace over: destroying remaining connections');
      grpcServer.forceShutdown();
      for (const socket of sockets) socket.destroy();
      await allClosed;
    }
    httpServer.off('request', onRequest);
  }

  let closed: Promise<void> | undefined;
  return {
    port,
    close(graceMs) {
      closed ??= shutdown(graceMs);
      return closed;
    },
  };
}

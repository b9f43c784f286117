import http from 'node:http';
import net from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import * as grpc from '@grpc/grpc-js';
import Fastify from 'fastify';
import { HTTP2_CLIENT_PREFACE } from './preface-sniffer.js';
import { startOnePortListener } from './one-port-listener.js';
import type { OnePortListener, OnePortListenerOptions } from './one-port-listener.js';

// --- a tiny gRPC service, JSON-serialized, no proto compilation ---------------------------------

interface EchoRequest {
  text: string;
  delayMs?: number;
}
interface Tick {
  tick: number;
}

const toJson = (value: unknown): Buffer => Buffer.from(JSON.stringify(value));
const fromJson = <T>(buffer: Buffer): T => JSON.parse(buffer.toString('utf8')) as T;

const ECHO = '/test.Echo/Echo';
const TICKS = '/test.Echo/Ticks';

const echoService: grpc.ServiceDefinition = {
  echo: {
    path: ECHO,
    requestStream: false,
    responseStream: false,
    requestSerialize: toJson,
    requestDeserialize: fromJson,
    responseSerialize: toJson,
    responseDeserialize: fromJson,
  },
  ticks: {
    path: TICKS,
    requestStream: false,
    responseStream: true,
    requestSerialize: toJson,
    requestDeserialize: fromJson,
    responseSerialize: toJson,
    responseDeserialize: fromJson,
  },
};

function createGrpcServer(): grpc.Server {
  const server = new grpc.Server();
  server.addService(echoService, {
    echo: (
      call: grpc.ServerUnaryCall<EchoRequest, EchoRequest>,
      callback: grpc.sendUnaryData<EchoRequest>,
    ) => {
      setTimeout(() => callback(null, { text: call.request.text }), call.request.delayMs ?? 0);
    },
    // Endless: ticks until the client cancels or the connection goes away.
    ticks: (call: grpc.ServerWritableStream<object, Tick>) => {
      let tick = 0;
      const timer = setInterval(() => call.write({ tick: tick++ }), 20);
      const stop = (): void => clearInterval(timer);
      call.on('cancelled', stop);
      call.on('close', stop);
      call.on('error', stop);
    },
  });
  return server;
}

function grpcEcho(client: grpc.Client, request: EchoRequest): Promise<EchoRequest> {
  return new Promise((resolve, reject) => {
    client.makeUnaryRequest(ECHO, toJson, fromJson<EchoRequest>, request, (error, response) =>
      error || !response ? reject(error ?? new Error('no response')) : resolve(response),
    );
  });
}

/** Opens the endless stream; resolves once the first tick arrived, with the call's final status. */
async function openTicks(
  client: grpc.Client,
): Promise<{ call: grpc.ClientReadableStream<Tick>; ended: Promise<grpc.StatusObject> }> {
  const call = client.makeServerStreamRequest(TICKS, toJson, fromJson<Tick>, {});
  call.on('error', () => {}); // the final status is read from 'status'
  const ended = new Promise<grpc.StatusObject>((resolve) => call.once('status', resolve));
  await new Promise((resolve) => call.once('data', resolve));
  return { call, ended };
}

// --- a plain node:http server, as fastify's `app.server` would be -------------------------------

function createHttpServer(onSlowRequest?: () => void): http.Server {
  const server = http.createServer((request, response) => {
    if (request.url === '/endless') {
      // Like an SSE stream that nobody ends: only the grace can.
      const timer = setInterval(() => response.write('data: tick\n\n'), 20);
      response.on('close', () => clearInterval(timer));
      return;
    }
    if (request.url === '/head-first') {
      // Head already sent (with keep-alive) when close() starts: the header can no longer say "close".
      response.write('part ');
      setTimeout(() => response.end('done'), 300);
      return;
    }
    if (request.url === '/slow') {
      onSlowRequest?.();
      setTimeout(() => response.end('slow done'), 300);
      return;
    }
    // Lets a test see which connection served the request.
    response.setHeader('x-client-port', String(request.socket.remotePort));
    response.end(`hello ${request.url}`);
  });
  // Longer than any test: an idle keep-alive connection left to its timeout would hold close() visibly.
  server.keepAliveTimeout = 60_000;
  return server;
}

interface HttpResult {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
}

function httpGet(port: number, path: string, agent?: http.Agent): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: '127.0.0.1', port, path, agent }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          body: Buffer.concat(chunks).toString('utf8'),
          headers: response.headers,
        }),
      );
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

// --- a TCP proxy that splits the first bytes of each connection into separate packets ---------

async function startSplittingProxy(targetPort: number, pieceSizes: number[]): Promise<net.Server> {
  const proxy = net.createServer((downstream) => {
    const upstream = net.connect(targetPort, '127.0.0.1');
    upstream.setNoDelay(true);
    upstream.pipe(downstream);
    upstream.on('error', () => downstream.destroy());
    downstream.on('error', () => upstream.destroy());
    downstream.on('close', () => upstream.destroy());

    const pieces = [...pieceSizes];
    let forwarding = Promise.resolve();
    downstream.on('data', (chunk: Buffer) => {
      forwarding = forwarding.then(async () => {
        let rest = chunk;
        while (pieces.length > 0 && rest.length > 0) {
          const size = pieces.shift() ?? rest.length;
          upstream.write(rest.subarray(0, size));
          rest = rest.subarray(size);
          // Long enough for each piece to leave as its own TCP segment.
          await new Promise((resolve) => setTimeout(resolve, 15));
        }
        if (rest.length > 0) upstream.write(rest);
      });
    });
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return proxy;
}

const portOf = (server: net.Server): number => (server.address() as AddressInfo).port;

function connectRaw(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => resolve(socket));
    socket.on('error', reject);
  });
}

const closedEvent = (socket: Socket): Promise<void> =>
  new Promise((resolve) => (socket.destroyed ? resolve() : socket.once('close', () => resolve())));

// --- the tests ---------------------------------------------------------------------------------

describe('startOnePortListener', () => {
  let httpServer: http.Server;
  let grpcServer: grpc.Server;
  let listener: OnePortListener | undefined;
  let grpcClient: grpc.Client | undefined;
  let agent: http.Agent;
  const logger = { debug: jest.fn(), warn: jest.fn() };
  const toClose: net.Server[] = [];

  async function start(options: Partial<OnePortListenerOptions> = {}): Promise<OnePortListener> {
    listener = await startOnePortListener({
      host: '127.0.0.1',
      port: 0,
      httpServer,
      grpcServer,
      logger,
      ...options,
    });
    return listener;
  }

  function grpcClientFor(port: number): grpc.Client {
    grpcClient = new grpc.Client(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
    return grpcClient;
  }

  beforeEach(() => {
    httpServer = createHttpServer();
    grpcServer = createGrpcServer();
    agent = new http.Agent({ keepAlive: true, maxSockets: 2 });
    logger.debug.mockClear();
    logger.warn.mockClear();
  });

  afterEach(async () => {
    grpcClient?.close();
    grpcClient = undefined;
    agent.destroy();
    await listener?.close(100);
    listener = undefined;
    for (const server of toClose.splice(0)) await new Promise((resolve) => server.close(resolve));
  });

  it('reports the ephemeral port it listens on', async () => {
    const { port } = await start();
    expect(port).toBeGreaterThan(0);
  });

  it('serves HTTP/1.1 and gRPC on the same port, interleaved and concurrent, reusing keep-alive connections', async () => {
    const { port } = await start();
    const client = grpcClientFor(port);

    const calls: Promise<unknown>[] = [];
    for (let i = 0; i < 10; i++) {
      calls.push(httpGet(port, `/item/${i}`, agent));
      calls.push(grpcEcho(client, { text: `grpc ${i}`, delayMs: i % 3 }));
    }
    const ticks = await openTicks(client);
    const results = await Promise.all(calls);
    ticks.call.cancel();

    for (let i = 0; i < 10; i++) {
      const httpResult = results[2 * i] as HttpResult;
      expect(httpResult).toMatchObject({ status: 200, body: `hello /item/${i}` });
      expect(results[2 * i + 1]).toEqual({ text: `grpc ${i}` });
    }
    // 10 requests over at most 2 connections: each keep-alive connection carried several requests.
    const httpConnections = new Set(
      results.filter((_, i) => i % 2 === 0).map((r) => (r as HttpResult).headers['x-client-port']),
    );
    expect(httpConnections.size).toBeLessThanOrEqual(2);
    await expect(ticks.ended).resolves.toMatchObject({ code: grpc.status.CANCELLED });
  });

  it('serves gRPC when the HTTP/2 preface arrives split across packets', async () => {
    const { port } = await start();
    // 1 + 4 + 10 + 9 = the 24 preface bytes in four packets.
    const proxy = await startSplittingProxy(port, [1, 4, 10, 9]);
    toClose.push(proxy);

    const client = grpcClientFor(portOf(proxy));
    await expect(grpcEcho(client, { text: 'split' })).resolves.toEqual({ text: 'split' });
  });

  it('answers a raw HTTP/2 connection whose preface is written in pieces with SETTINGS and no GOAWAY', async () => {
    const { port } = await start();
    const socket = await connectRaw(port);
    socket.setNoDelay(true);
    const received: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => received.push(chunk));

    for (const [from, to] of [
      [0, 3],
      [3, 16],
      [16, 24],
    ] as const) {
      socket.write(HTTP2_CLIENT_PREFACE.subarray(from, to));
      await new Promise((resolve) => setTimeout(resolve, 15));
    }
    // An empty client SETTINGS frame: length 0, type 0x4, flags 0, stream 0.
    socket.write(Buffer.from([0, 0, 0, 4, 0, 0, 0, 0, 0]));
    await new Promise((resolve) => setTimeout(resolve, 100));
    socket.destroy();

    const frameTypes: number[] = [];
    const data = Buffer.concat(received);
    for (let offset = 0; offset + 9 <= data.length; offset += 9 + data.readUIntBE(offset, 3)) {
      frameTypes.push(data[offset + 3] ?? -1);
    }
    expect(frameTypes).toContain(0x4); // SETTINGS
    expect(frameTypes).not.toContain(0x7); // GOAWAY: would mean "bad client magic"
  });

  it('serves HTTP/1.1 when the request line arrives split across packets', async () => {
    const { port } = await start();
    const proxy = await startSplittingProxy(port, [1, 2, 5, 3]);
    toClose.push(proxy);

    await expect(httpGet(portOf(proxy), '/split')).resolves.toMatchObject({
      status: 200,
      body: 'hello /split',
    });
  });

  it('closes a connection that sends nothing within the sniff timeout', async () => {
    const { port } = await start({ sniffTimeoutMs: 100 });
    const silent = await connectRaw(port);
    await closedEvent(silent);
    expect(silent.destroyed).toBe(true);
  });

  it('closes a connection that stalls halfway through the preface', async () => {
    const { port } = await start({ sniffTimeoutMs: 100 });
    const stalled = await connectRaw(port);
    stalled.write(HTTP2_CLIENT_PREFACE.subarray(0, 12));
    await closedEvent(stalled);
  });

  it('keeps serving after connections close or reset halfway through the preface', async () => {
    const { port } = await start();
    const ended = await connectRaw(port);
    ended.end(HTTP2_CLIENT_PREFACE.subarray(0, 8));
    const reset = await connectRaw(port);
    reset.on('error', () => {});
    reset.write(HTTP2_CLIENT_PREFACE.subarray(0, 8));
    await new Promise((resolve) => setTimeout(resolve, 20));
    reset.resetAndDestroy();
    await Promise.all([closedEvent(ended), closedEvent(reset)]);

    await expect(httpGet(port, '/still-here')).resolves.toMatchObject({ status: 200 });
    await expect(grpcEcho(grpcClientFor(port), { text: 'still here' })).resolves.toEqual({
      text: 'still here',
    });
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it('leaves a malformed HTTP/1 request to the HTTP server, which answers 400', async () => {
    const { port } = await start();
    const socket = await connectRaw(port);
    let reply = '';
    socket.on('data', (chunk: Buffer) => (reply += chunk.toString('latin1')));
    socket.write('NOT HTTP AT ALL\r\n\r\n');
    await closedEvent(socket);
    expect(reply).toMatch(/^HTTP\/1\.1 400 /);
    await expect(httpGet(port, '/still-here')).resolves.toMatchObject({ status: 200 });
  });

  it('rejects when the port is taken', async () => {
    const { port } = await start();
    await expect(
      startOnePortListener({
        host: '127.0.0.1',
        port,
        httpServer: createHttpServer(),
        grpcServer: createGrpcServer(),
      }),
    ).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });

  describe('close', () => {
    it('closes idle keep-alive connections and connections still being sniffed instead of waiting for them', async () => {
      const { port } = await start();
      await expect(httpGet(port, '/keep-alive', agent)).resolves.toMatchObject({ status: 200 });
      const idleSocket = Object.values(agent.freeSockets).flat()[0];
      expect(idleSocket).toBeDefined();
      const idleClosed = closedEvent(idleSocket as Socket);
      const silent = await connectRaw(port);
      const silentClosed = closedEvent(silent);

      const startedAt = Date.now();
      await listener?.close(20_000);
      // Generous bound: proves close() neither sat out its 20 s grace nor the 60 s keep-alive timeout.
      expect(Date.now() - startedAt).toBeLessThan(10_000);
      await idleClosed;
      await silentClosed;
    });

    it('ends an endless gRPC stream after the grace and refuses new connections', async () => {
      const { port } = await start();
      const ticks = await openTicks(grpcClientFor(port));

      await listener?.close(300);

      const status = await ticks.ended;
      expect(status.code).not.toBe(grpc.status.OK);
      await expect(connectRaw(port)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    });

    it('destroys an endless HTTP response after the grace', async () => {
      const { port } = await start();
      const aborted = new Promise<string>((resolve, reject) => {
        http
          .get({ host: '127.0.0.1', port, path: '/endless' }, (response) => {
            response.once('data', () => resolve(listener?.close(300).then(() => 'closed') ?? 'no listener'));
            response.on('error', () => {});
          })
          .on('error', reject);
      });
      await expect(aborted).resolves.toBe('closed');
      expect(logger.warn).toHaveBeenCalledWith({ connections: 1 }, expect.stringContaining('grace over'));
    });

    it('lets an in-flight HTTP request complete, telling its client the connection closes', async () => {
      let requestArrived!: () => void;
      const arrived = new Promise<void>((resolve) => (requestArrived = resolve));
      httpServer = createHttpServer(requestArrived);
      const { port } = await start();

      const response = httpGet(port, '/slow', agent);
      await arrived;
      const startedAt = Date.now();
      const closed = listener?.close(20_000);

      await expect(response).resolves.toMatchObject({
        status: 200,
        body: 'slow done',
        headers: expect.objectContaining({ connection: 'close' }),
      });
      await closed;
      // Generous bound: proves close() did not sit out its 20 s grace once the request was done.
      expect(Date.now() - startedAt).toBeLessThan(10_000);
    });

    it('closes a keep-alive connection as soon as its response, begun before close(), is done', async () => {
      const { port } = await start();
      const closedAfterResponse = new Promise<{ body: string; closed: Promise<void> }>((resolve, reject) => {
        http
          .get({ host: '127.0.0.1', port, path: '/head-first', agent }, (response) => {
            let body = '';
            let closed: Promise<void> | undefined;
            response.on('data', (chunk: Buffer) => {
              body += chunk.toString();
              closed ??= listener?.close(20_000);
            });
            response.on('end', () => resolve({ body, closed: closed ?? Promise.resolve() }));
          })
          .on('error', reject);
      });
      const startedAt = Date.now();
      const { body, closed } = await closedAfterResponse;
      expect(body).toBe('part done');
      await closed;
      // Generous bound: the finished keep-alive connection did not hold close() for its 20 s grace.
      expect(Date.now() - startedAt).toBeLessThan(10_000);
    });

    it('lets an in-flight gRPC call complete', async () => {
      const { port } = await start();
      const client = grpcClientFor(port);
      await grpcEcho(client, { text: 'warm-up' });

      const call = grpcEcho(client, { text: 'in flight', delayMs: 300 });
      await new Promise((resolve) => setTimeout(resolve, 50));
      const closed = listener?.close(20_000);

      await expect(call).resolves.toEqual({ text: 'in flight' });
      await closed;
    });

    it('returns the same promise when called twice', async () => {
      await start();
      const first = listener?.close(100);
      expect(listener?.close(100)).toBe(first);
      await first;
    });
  });

  it('serves a fastify app given as app.server alongside gRPC', async () => {
    const app = Fastify();
    app.get('/fastify', async () => ({ ok: true }));
    await app.ready();
    httpServer = app.server;
    const { port } = await start();

    const response = await httpGet(port, '/fastify', agent);
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ ok: true });
    await expect(grpcEcho(grpcClientFor(port), { text: 'with fastify' })).resolves.toEqual({
      text: 'with fastify',
    });

    await listener?.close(1000);
    listener = undefined;
    await app.close();
  });
});

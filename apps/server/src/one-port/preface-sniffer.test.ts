import net from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import { HTTP2_CLIENT_PREFACE, classifyPreface, sniffConnection } from './preface-sniffer.js';
import type { SniffResult } from './preface-sniffer.js';

const bytes = (text: string): Buffer => Buffer.from(text, 'latin1');

describe('classifyPreface', () => {
  it('recognises the complete HTTP/2 client preface, with or without frames after it', () => {
    expect(classifyPreface(HTTP2_CLIENT_PREFACE)).toBe('http2');
    expect(classifyPreface(Buffer.concat([HTTP2_CLIENT_PREFACE, bytes('\0\0\0\x04')]))).toBe('http2');
  });

  it('waits for more bytes while they are a strict prefix of the preface', () => {
    expect(classifyPreface(Buffer.alloc(0))).toBeUndefined();
    expect(classifyPreface(bytes('P'))).toBeUndefined();
    expect(classifyPreface(HTTP2_CLIENT_PREFACE.subarray(0, 23))).toBeUndefined();
  });

  it('decides HTTP/1 at the first byte that differs', () => {
    expect(classifyPreface(bytes('G'))).toBe('http1');
    expect(classifyPreface(bytes('POST / HTTP/1.1\r\n'))).toBe('http1');
    expect(classifyPreface(bytes('PRI * HTTP/1.1'))).toBe('http1');
    expect(classifyPreface(bytes('\x16\x03\x01'))).toBe('http1');
  });
});

describe('sniffConnection', () => {
  let server: net.Server;
  let accepted: Promise<Socket>;
  let client: Socket;

  beforeEach(async () => {
    server = net.createServer();
    accepted = new Promise((resolve) => server.once('connection', resolve));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    client = net.connect((server.address() as AddressInfo).port, '127.0.0.1');
    client.setNoDelay(true);
    client.on('error', () => {});
  });

  afterEach(async () => {
    client.destroy();
    await new Promise((resolve) => server.close(resolve));
  });

  function sniff(socket: Socket, timeoutMs = 5000): Promise<SniffResult> {
    return new Promise((resolve) => sniffConnection(socket, timeoutMs, resolve));
  }

  async function readAll(socket: Socket): Promise<string> {
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.resume();
    await new Promise((resolve) => socket.once('end', resolve));
    return Buffer.concat(chunks).toString('latin1');
  }

  it('leaves a decided socket paused with every byte read so far put back in front', async () => {
    const socket = await accepted;
    const result = sniff(socket);
    client.write(HTTP2_CLIENT_PREFACE.subarray(0, 5));
    await new Promise((resolve) => setTimeout(resolve, 20));
    client.write(HTTP2_CLIENT_PREFACE.subarray(5));
    await expect(result).resolves.toBe('http2');
    expect(socket.isPaused()).toBe(true);

    client.end('after');
    await expect(readAll(socket)).resolves.toBe(`${HTTP2_CLIENT_PREFACE.toString('latin1')}after`);
  });

  it('hands an HTTP/1 request over from its first byte', async () => {
    const socket = await accepted;
    const result = sniff(socket);
    client.end('GET / HTTP/1.1\r\n\r\n');
    await expect(result).resolves.toBe('http1');
    await expect(readAll(socket)).resolves.toBe('GET / HTTP/1.1\r\n\r\n');
  });

  it('destroys a socket that stays silent past the timeout', async () => {
    const socket = await accepted;
    await expect(sniff(socket, 50)).resolves.toBe('timeout');
    expect(socket.destroyed).toBe(true);
  });

  it('reports a peer that leaves halfway through the preface as closed', async () => {
    const socket = await accepted;
    const result = sniff(socket);
    client.end(HTTP2_CLIENT_PREFACE.subarray(0, 10));
    await expect(result).resolves.toBe('closed');
    expect(socket.destroyed).toBe(true);
  });
});

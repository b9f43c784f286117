import { CancelledError, ProviderError } from '@integration-api/core';
import { MockProviderServer, sse } from '../testing/index.js';
import { readProviderEvents, readProviderStream } from './provider-event-stream.js';
import { UpstreamClients } from './upstream-clients.js';

describe('readProviderEvents', () => {
  let server: MockProviderServer;
  let clients: UpstreamClients;

  beforeEach(async () => {
    server = await MockProviderServer.start();
    clients = new UpstreamClients({ allowPrivate: true, bodyTimeoutMs: 300 });
  });

  afterEach(async () => {
    await clients.close();
    await server.close();
  });

  const open = (signal?: AbortSignal) =>
    clients.request({ method: 'GET', url: server.urlFor('/stream'), ...(signal ? { signal } : {}) });

  async function dataOf(signal?: AbortSignal): Promise<string[]> {
    const seen: string[] = [];
    const response = await open(signal);
    for await (const event of readProviderEvents(response, { provider: 'openai', signal })) {
      seen.push(event.data);
    }
    return seen;
  }

  it('reads the events of a stream split at arbitrary bytes, with keep-alives and CRLF', async () => {
    server.route(
      'GET',
      '/stream',
      sse([{ n: 1 }, { text: 'ünïcode' }], { keepAliveComments: true, lineEnding: '\r\n', chunkBytes: 3 }),
    );
    expect(await dataOf()).toEqual(['{"n":1}', '{"text":"ünïcode"}', '[DONE]']);
  });

  it('keeps the connection for the next request once a stream was read to its end', async () => {
    server.route('GET', '/stream', sse([{ n: 1 }]));
    await dataOf();
    await new Promise((resolve) => setImmediate(resolve));
    await dataOf();
    expect(server.connectionCount).toBe(1);
  });

  it('throws a timeout when the provider goes silent mid-stream', async () => {
    server.route('GET', '/stream', sse([{ n: 1 }, { n: 2 }], { hangAfter: 1 }));
    const error = await dataOf().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ kind: 'timeout', message: 'openai: timed out while reading the response' });
  });

  it('throws unavailable when the connection breaks off', async () => {
    server.route('GET', '/stream', sse([{ n: 1 }, { n: 2 }], { truncateAfter: 1 }));
    const error = await dataOf().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ kind: 'unavailable' });
    expect((error as Error).message).toMatch(/^openai: the stream broke off: /);
  });

  it('names the end marker that never came when the connection breaks off', async () => {
    server.route('GET', '/stream', sse([{ n: 1 }], { truncateAfter: 1 }));
    const response = await open();
    const error = await (async () => {
      for await (const event of readProviderEvents(response, { provider: 'mistral', endMarker: '[DONE]' })) {
        expect(event.data).toBe('{"n":1}');
      }
    })().catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/^mistral: the stream ended before \[DONE\]: /);
  });

  it("throws CancelledError and closes the connection when the caller's signal aborts", async () => {
    server.route('GET', '/stream', sse([{ n: 1 }, { n: 2 }], { hangAfter: 1 }));
    const controller = new AbortController();
    const response = await open(controller.signal);
    const events = readProviderEvents(response, { provider: 'openai', signal: controller.signal });
    expect((await events.next()).value).toEqual({ data: '{"n":1}' });
    const pending = events.next();
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(CancelledError);
    await expect(server.responseEnd()).resolves.toBe('closed-early');
  });

  it('closes the connection when the consumer stops reading early', async () => {
    server.route('GET', '/stream', sse([{ n: 1 }, { n: 2 }], { hangAfter: 1 }));
    const response = await open();
    for await (const event of readProviderEvents(response, { provider: 'openai' })) {
      expect(event.data).toBe('{"n":1}');
      break;
    }
    await expect(server.responseEnd()).resolves.toBe('closed-early');
  });

  describe('with a decoder of its own (readProviderStream)', () => {
    /** A decoder of its own (one event per chunk), standing for a binary framing such as AWS event-stream. */
    async function* chunksAsText(body: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
      for await (const chunk of body) {
        const text = Buffer.from(chunk).toString('utf8');
        if (text.includes('exception'))
          throw new ProviderError('unavailable', 'aws-bedrock', 'the model failed');
        yield text;
      }
    }

    async function read(signal?: AbortSignal): Promise<string[]> {
      const response = await clients.request({ method: 'GET', url: server.urlFor('/stream'), signal });
      const seen: string[] = [];
      const events = readProviderStream(response, chunksAsText, { provider: 'aws-bedrock', signal });
      for await (const event of events) seen.push(event);
      return seen;
    }

    it('yields what the decoder finds', async () => {
      server.route('GET', '/stream', sse([{ n: 1 }], { done: false }));
      expect((await read()).join('')).toBe('data: {"n":1}\n\n');
    });

    it('keeps the decoder’s own ProviderError as it is, unavailable or not', async () => {
      server.route('GET', '/stream', sse(['exception'], { done: false }));
      const error = await read().catch((e: unknown) => e);
      expect(error).toMatchObject({ kind: 'unavailable', message: 'aws-bedrock: the model failed' });
    });

    it('throws unavailable when the connection breaks off', async () => {
      server.route('GET', '/stream', sse([{ n: 1 }, { n: 2 }], { truncateAfter: 1 }));
      const error = await read().catch((e: unknown) => e);
      expect((error as Error).message).toMatch(/^aws-bedrock: the stream broke off: /);
    });

    it('throws a timeout when the provider goes silent', async () => {
      server.route('GET', '/stream', sse([{ n: 1 }, { n: 2 }], { hangAfter: 1 }));
      await expect(read()).rejects.toMatchObject({ kind: 'timeout' });
    });

    it("throws CancelledError when the caller's signal aborts", async () => {
      server.route('GET', '/stream', sse([{ n: 1 }, { n: 2 }], { hangAfter: 1 }));
      const controller = new AbortController();
      const { signal } = controller;
      const response = await clients.request({ method: 'GET', url: server.urlFor('/stream'), signal });
      const events = readProviderStream(response, chunksAsText, { provider: 'aws-bedrock', signal });
      expect((await events.next()).done).toBe(false);
      const pending = events.next();
      controller.abort();
      await expect(pending).rejects.toBeInstanceOf(CancelledError);
      await expect(server.responseEnd()).resolves.toBe('closed-early');
    });
  });
});

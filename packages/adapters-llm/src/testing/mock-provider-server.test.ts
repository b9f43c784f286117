import { request as httpRequest } from 'node:http';
import { MockProviderServer } from './mock-provider-server.js';
import { delay, json, namedEvent, sse, text } from './mock-replies.js';
import { chatCompletionChunks } from './openai-compatible-replies.js';

/** A bare node:http call, so the mock is tested without the code it serves. */
function call(url: string, method = 'GET', body?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('MockProviderServer', () => {
  let server: MockProviderServer;
  beforeEach(async () => {
    server = await MockProviderServer.start();
  });
  afterEach(() => server.close());

  it('records method, path, query, headers and JSON body', async () => {
    server.route('POST', '/v1/chat', json(200, { ok: true }));
    await call(server.urlFor('/v1/chat?stream=true'), 'POST', '{"model":"m"}');
    expect(server.requests).toEqual([
      expect.objectContaining({
        method: 'POST',
        path: '/v1/chat',
        query: { stream: 'true' },
        body: '{"model":"m"}',
        json: { model: 'm' },
        connectionId: 1,
      }),
    ]);
    expect(server.requests[0]!.headers.host).toBe(new URL(server.url).host);
  });

  it('lets the newest route answer, and a limited route step aside once used up', async () => {
    server.route('GET', '/v1/models', text(200, 'default'));
    server.route('GET', /^\/v1\/mod/, text(503, 'first call fails'), { times: 1 });
    expect(await call(server.urlFor('/v1/models'))).toEqual({ status: 503, body: 'first call fails' });
    expect(await call(server.urlFor('/v1/models'))).toEqual({ status: 200, body: 'default' });
  });

  it('answers unknown routes with a 404 in OpenAI error shape', async () => {
    const answer = await call(server.urlFor('/v1/unknown'));
    expect(answer.status).toBe(404);
    expect(JSON.parse(answer.body)).toEqual({ error: { message: 'mock: no route for GET /v1/unknown' } });
  });

  it('answers after a delay', async () => {
    server.route('GET', '/slow', delay(10, text(200, 'late')));
    expect(await call(server.urlFor('/slow'))).toEqual({ status: 200, body: 'late' });
  });

  it('turns a failing handler into a 500', async () => {
    server.route('GET', '/broken', () => {
      throw new Error('script error');
    });
    const answer = await call(server.urlFor('/broken'));
    expect(answer.status).toBe(500);
    expect(answer.body).toContain('script error');
  });

  it('counts connections and forgets routes and requests on reset', async () => {
    server.route('GET', '/a', text(200, 'a'));
    await call(server.urlFor('/a'));
    await call(server.urlFor('/a'));
    expect(server.connectionCount).toBe(2);
    server.reset();
    expect(server.requests).toEqual([]);
    expect((await call(server.urlFor('/a'))).status).toBe(404);
  });
});

describe('sse replies', () => {
  let server: MockProviderServer;
  beforeEach(async () => {
    server = await MockProviderServer.start();
  });
  afterEach(() => server.close());

  it('frames payloads as server-sent events and ends with [DONE]', async () => {
    server.route(
      'GET',
      '/s',
      sse([{ a: 1 }, 'raw', namedEvent('ping', { b: 2 })], { keepAliveComments: true }),
    );
    const answer = await call(server.urlFor('/s'));
    expect(answer.body).toBe(
      ': keep-alive\n\ndata: {"a":1}\n\n: keep-alive\n\ndata: raw\n\n: keep-alive\n\n' +
        'event: ping\ndata: {"b":2}\n\n: keep-alive\n\ndata: [DONE]\n\n',
    );
    await expect(server.responseEnd()).resolves.toBe('finished');
  });

  it('uses CRLF framing and leaves out [DONE] when asked', async () => {
    server.route('GET', '/s', sse([{ a: 1 }], { lineEnding: '\r\n', done: false }));
    expect((await call(server.urlFor('/s'))).body).toBe('data: {"a":1}\r\n\r\n');
  });

  it('cuts the connection after the given number of events', async () => {
    server.route('GET', '/s', sse([{ a: 1 }, { a: 2 }], { truncateAfter: 1 }));
    const outcome = await new Promise<string>((resolve) => {
      httpRequest(server.urlFor('/s'), { agent: false }, (res) => {
        res.resume();
        res.on('end', () => resolve('ended'));
        res.on('error', () => resolve('cut'));
      })
        .on('error', () => resolve('cut'))
        .end();
    });
    expect(outcome).toBe('cut');
    await expect(server.responseEnd()).resolves.toBe('closed-early');
  });
});

describe('chat-completions replies', () => {
  it('puts usage in a usage-only last chunk for OpenAI and on the finishing chunk for Mistral', () => {
    const openai = chatCompletionChunks({ model: 'm', text: ['a'], usage: { prompt: 1, completion: 1 } });
    expect(openai.at(-1)).toMatchObject({ choices: [], usage: { prompt_tokens: 1, total_tokens: 2 } });
    const mistral = chatCompletionChunks({
      model: 'm',
      style: 'mistral',
      text: ['a'],
      usage: { prompt: 1, completion: 1 },
    });
    expect(mistral.at(-1)).toMatchObject({
      choices: [{ finish_reason: 'stop' }],
      usage: { prompt_tokens: 1 },
    });
  });

  it("opens Azure's stream with a chunk holding only prompt filter results", () => {
    expect(chatCompletionChunks({ model: 'm', style: 'azure', text: ['a'] })[0]).toMatchObject({
      id: '',
      model: '',
      choices: [],
      prompt_filter_results: [{ prompt_index: 0 }],
    });
  });
});

import { request as httpRequest } from 'node:http';
import { MockProviderServer } from './mock-provider-server.js';
import { delay, json, text } from './mock-replies.js';

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

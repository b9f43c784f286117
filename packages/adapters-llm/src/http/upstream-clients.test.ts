import { MockProviderServer, hang, json } from '../testing/index.js';
import { readBodyText } from './read-body.js';
import { UpstreamClients } from './upstream-clients.js';

/**
 * undici hands a connection back to its pool once the response's end has been processed, an event
 * loop turn after the body resolves; a request sent sooner (never the case between two API calls)
 * would open a second connection.
 */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('UpstreamClients', () => {
  let server: MockProviderServer;
  let clients: UpstreamClients | undefined;

  beforeEach(async () => {
    server = await MockProviderServer.start();
    server.route('GET', '/ping', json(200, { ok: true }));
  });

  afterEach(async () => {
    await clients?.close();
    clients = undefined;
    await server.close();
  });

  it('reuses one keep-alive connection for sequential requests to an origin', async () => {
    clients = new UpstreamClients({ allowPrivate: true });
    for (let i = 0; i < 3; i += 1) {
      const response = await clients.request({ method: 'GET', url: server.urlFor('/ping') });
      expect(await readBodyText(response.body)).toBe('{"ok":true}');
      await nextTurn();
    }
    expect(server.connectionCount).toBe(1);
    expect(new Set(server.requests.map((r) => r.connectionId))).toEqual(new Set([1]));
  });

  it('keeps one pool per origin', () => {
    clients = new UpstreamClients({ allowPrivate: true });
    expect(clients.pool(server.urlFor('/a'))).toBe(clients.pool(server.urlFor('/b?x=1')));
    expect(clients.pool('https://api.example.com/v1')).not.toBe(clients.pool(server.url));
  });

  it('passes method, path, query, headers and body through', async () => {
    server.route('POST', '/v1/echo', json(201, {}));
    clients = new UpstreamClients({ allowPrivate: true });
    const response = await clients.request({
      method: 'POST',
      url: server.urlFor('/v1/echo?api-version=2024-10-21'),
      headers: { 'content-type': 'application/json', 'x-test': 'yes' },
      body: JSON.stringify({ hello: 'world' }),
    });
    await response.body.dump();
    expect(response.statusCode).toBe(201);
    expect(server.requests[0]).toMatchObject({
      method: 'POST',
      path: '/v1/echo',
      query: { 'api-version': '2024-10-21' },
      headers: { 'x-test': 'yes' },
      json: { hello: 'world' },
    });
  });

  it('gives up waiting for headers after headersTimeoutMs', async () => {
    server.route('GET', '/slow', hang());
    clients = new UpstreamClients({ allowPrivate: true, headersTimeoutMs: 100 });
    await expect(clients.request({ method: 'GET', url: server.urlFor('/slow') })).rejects.toMatchObject({
      code: 'UND_ERR_HEADERS_TIMEOUT',
    });
  });

  it('refuses a loopback literal at connect time unless private upstreams are allowed', async () => {
    clients = new UpstreamClients();
    await expect(clients.request({ method: 'GET', url: server.urlFor('/ping') })).rejects.toMatchObject({
      code: 'INTEGRATION_PRIVATE_UPSTREAM',
    });
    expect(server.connectionCount).toBe(0);
  });

  it('refuses a name resolving to loopback at connect time', async () => {
    clients = new UpstreamClients();
    const port = new URL(server.url).port;
    await expect(
      clients.request({ method: 'GET', url: `http://localhost:${port}/ping` }),
    ).rejects.toMatchObject({
      code: 'INTEGRATION_PRIVATE_UPSTREAM',
    });
    expect(server.connectionCount).toBe(0);
  });

  it('refuses new requests once closed', async () => {
    clients = new UpstreamClients({ allowPrivate: true });
    await clients.close();
    expect(() => clients!.pool(server.url)).toThrow('closed');
  });
});

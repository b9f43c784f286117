import { UpstreamClients } from '../http/upstream-clients.js';
import { MockProviderServer, hang, json } from '../testing/index.js';
import { createUpstreamFetchToken } from './google-vertex-fetch-token.js';

describe('createUpstreamFetchToken', () => {
  let server: MockProviderServer;
  let clients: UpstreamClients;

  beforeEach(async () => {
    server = await MockProviderServer.start();
    clients = new UpstreamClients({ allowPrivate: true });
  });
  afterEach(async () => {
    await clients.close();
    await server.close();
  });

  it('posts the form and returns the status and body, whatever the status', async () => {
    server.route('POST', '/token', json(400, { error: 'invalid_grant' }));
    const fetchToken = createUpstreamFetchToken(clients, 500);
    await expect(fetchToken(server.urlFor('/token'), 'grant_type=x&assertion=y')).resolves.toEqual({
      status: 400,
      bodyText: '{"error":"invalid_grant"}',
    });
    expect(server.requests[0]).toMatchObject({
      method: 'POST',
      body: 'grant_type=x&assertion=y',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  });

  it('gives up after its timeout', async () => {
    server.route('POST', '/token', hang());
    await expect(createUpstreamFetchToken(clients, 100)(server.urlFor('/token'), '')).rejects.toMatchObject({
      code: 'UND_ERR_HEADERS_TIMEOUT',
    });
  });
});

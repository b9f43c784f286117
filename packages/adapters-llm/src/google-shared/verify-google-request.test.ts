import { ProviderUnavailableError } from '@integration-api/core';
import { UpstreamClients } from '../http/upstream-clients.js';
import { MockProviderServer, hang, json } from '../testing/index.js';
import { verifyGoogleRequest } from './verify-google-request.js';

describe('verifyGoogleRequest', () => {
  let server: MockProviderServer;
  let clients: UpstreamClients;
  const verify = (signal?: AbortSignal) =>
    verifyGoogleRequest({
      provider: 'google-gemini',
      clients,
      secrets: [],
      request: {
        method: 'GET',
        url: server.urlFor('/v1beta/models'),
        headersTimeoutMs: 200,
        bodyTimeoutMs: 200,
        signal,
      },
    });

  beforeEach(async () => {
    server = await MockProviderServer.start();
    clients = new UpstreamClients({ allowPrivate: true });
  });
  afterEach(async () => {
    await clients.close();
    await server.close();
  });

  it('reads 401 as an invalid credential', async () => {
    server.route(
      'GET',
      '/v1beta/models',
      json(401, { error: { code: 401, message: 'nope', status: 'UNAUTHENTICATED' } }),
    );
    await expect(verify()).resolves.toEqual({ ok: false, reason: 'invalid_credential', message: 'nope' });
  });

  it('decides nothing when a 400 is about something else than the key', async () => {
    server.route(
      'GET',
      '/v1beta/models',
      json(400, { error: { code: 400, message: 'bad page', status: 'INVALID_ARGUMENT' } }),
    );
    await expect(verify()).rejects.toBeInstanceOf(ProviderUnavailableError);
  });

  it('decides nothing when the provider does not answer in time', async () => {
    server.route('GET', '/v1beta/models', hang());
    await expect(verify()).rejects.toThrow('google-gemini is unavailable: timed out waiting for a response');
  });

  it('throws the caller’s abort reason', async () => {
    server.route('GET', '/v1beta/models', hang());
    const controller = new AbortController();
    const pending = verify(controller.signal);
    const reason = new Error('client left');
    setImmediate(() => controller.abort(reason));
    await expect(pending).rejects.toBe(reason);
  });
});

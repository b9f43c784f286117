import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProviderAdapter, ProviderCall } from '@integration-api/core';
import { UpstreamClients } from '../http/upstream-clients.js';
import { MockProviderServer, hang, json } from '../testing/index.js';
import { createVoyageaiAdapter } from './voyageai-adapter.js';

const API_KEY = 'pa-Zx8Qw2Er4Ty6Ui8Op0As2Df4Gh6Jk8';
const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(join(__dirname, '__fixtures__', name), 'utf8'));

describe('Voyage AI adapter', () => {
  let server: MockProviderServer;
  let clients: UpstreamClients;
  let adapter: ProviderAdapter;

  function call<R>(request: R): ProviderCall<R> {
    return {
      request,
      secret: { apiKey: API_KEY },
      config: { baseUrl: server.urlFor('/v1') },
      signal: new AbortController().signal,
    };
  }

  beforeEach(async () => {
    server = await MockProviderServer.start();
    clients = new UpstreamClients({ allowPrivate: true });
    adapter = createVoyageaiAdapter({ clients, timeoutMs: 500 });
  });

  afterEach(async () => {
    await clients.close();
    await server.close();
  });

  it('exposes exactly the operations its spec claims', () => {
    const { capabilities } = adapter.spec;
    expect(typeof adapter.chat === 'function').toBe(capabilities.chat);
    expect(typeof adapter.streamChat === 'function').toBe(capabilities.streaming);
    expect(typeof adapter.embed === 'function').toBe(capabilities.embeddings);
    expect(typeof adapter.rerank === 'function').toBe(capabilities.rerank);
    expect(typeof adapter.verify === 'function').toBe(capabilities.verify);
  });

  it('embeds texts and returns the vectors in input order', async () => {
    server.route('POST', '/v1/embeddings', json(200, fixture('voyageai-embed.json')));
    const result = await adapter.embed!(
      call({ model: 'voyage-3.5', inputs: ['first', 'second'], inputType: 'document', dimensions: 1024 }),
    );
    const [received] = server.requests;
    expect(received!.headers).toMatchObject({ authorization: `Bearer ${API_KEY}` });
    expect(received!.json).toEqual({
      input: ['first', 'second'],
      model: 'voyage-3.5',
      input_type: 'document',
      output_dimension: 1024,
      output_dtype: 'float',
    });
    expect(result.embeddings[0]).toEqual([0.0263, -0.0109, 0.0705, 0.0031, -0.0298]);
    expect(result).toMatchObject({ usage: { inputTokens: 14 }, model: 'voyage-3.5' });
  });

  it('reranks documents best first', async () => {
    server.route('POST', '/v1/rerank', json(200, fixture('voyageai-rerank.json')));
    const result = await adapter.rerank!(
      call({ model: 'rerank-2.5', query: 'q', documents: ['a', 'b', 'c'] }),
    );
    expect(server.requests[0]!.json).toEqual({
      query: 'q',
      documents: ['a', 'b', 'c'],
      model: 'rerank-2.5',
      return_documents: false,
    });
    expect(result.results.map((r) => r.index)).toEqual([2, 0, 1]);
  });

  it.each([
    [401, 'provider_auth_failed'],
    [400, 'provider_invalid_request'],
    [429, 'provider_rate_limited'],
    [502, 'provider_unavailable'],
  ])('turns a %i into %s with the detail, without the key', async (status, code) => {
    server.route('POST', '/v1/embeddings', json(status, { detail: `rejected ${API_KEY}` }));
    await expect(adapter.embed!(call({ model: 'voyage-3.5', inputs: ['x'] }))).rejects.toMatchObject({
      code,
      message: 'voyageai: rejected [redacted]',
    });
  });

  describe('verify', () => {
    const verifyRequest = () => ({ secret: { apiKey: API_KEY }, config: { baseUrl: server.urlFor('/v1') } });

    it('accepts a key that can embed one short text with the cheapest model', async () => {
      server.route('POST', '/v1/embeddings', json(200, fixture('voyageai-embed.json')));
      await expect(adapter.verify!(verifyRequest())).resolves.toEqual({ ok: true });
      expect(server.requests[0]!.json).toEqual({
        input: ['ping'],
        model: 'voyage-4-lite',
        output_dtype: 'float',
      });
    });

    it('refuses a key Voyage answers 401 for', async () => {
      server.route('POST', '/v1/embeddings', json(401, { detail: 'Provided API key is invalid.' }));
      await expect(adapter.verify!(verifyRequest())).resolves.toEqual({
        ok: false,
        reason: 'invalid_credential',
        message: 'Provided API key is invalid.',
      });
    });

    it('decides nothing when Voyage does not answer', async () => {
      server.route('POST', '/v1/embeddings', hang());
      await expect(adapter.verify!(verifyRequest())).rejects.toMatchObject({ code: 'provider_unavailable' });
    });
  });
});

import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ProviderError,
  ProviderUnavailableError,
  type ChatRequest,
  type ChatStreamEvent,
  type ProviderAdapter,
  type ProviderCall,
} from '@integration-api/core';
import { UpstreamClients } from '../http/upstream-clients.js';
import { MockProviderServer, json, sse } from '../testing/index.js';
import { createGoogleVertexAdapter } from './google-vertex-adapter.js';

const { privateKey } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});
const KEY_FILE = JSON.stringify({
  type: 'service_account',
  project_id: 'demo-project',
  private_key_id: '9a8b7c6d',
  private_key: privateKey,
  client_email: 'caller@demo-project.iam.gserviceaccount.com',
});
const sharedFixture = (name: string) => join(__dirname, '..', 'google-shared', '__fixtures__', name);
const fixture = (name: string): unknown => JSON.parse(readFileSync(sharedFixture(name), 'utf8'));
const chunks = (name: string): unknown[] =>
  readFileSync(sharedFixture(name), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as unknown);

const MODEL_PATH =
  '/v1/projects/demo-project/locations/us-central1/publishers/google/models/gemini-2.5-flash';
const request: ChatRequest = {
  model: 'gemini-2.5-flash',
  messages: [{ role: 'user', content: 'Capital of Australia?' }],
};
const granted = (token = 'ya29.vertex-token') =>
  json(200, { access_token: token, expires_in: 3599, token_type: 'Bearer' });

describe('Google Vertex AI adapter', () => {
  let server: MockProviderServer;
  let clients: UpstreamClients;
  let adapter: ProviderAdapter;

  const config = () => ({
    projectId: 'demo-project',
    location: 'us-central1',
    baseUrl: server.urlFor('/v1'),
    tokenUrl: server.urlFor('/token'),
  });
  const call = <R>(req: R): ProviderCall<R> => ({
    request: req,
    secret: { serviceAccountJson: KEY_FILE },
    config: config(),
    signal: new AbortController().signal,
  });
  const collect = async (stream: AsyncIterable<ChatStreamEvent>) => {
    const events: ChatStreamEvent[] = [];
    for await (const event of stream) events.push(event);
    return events;
  };
  const tokenRequests = () => server.requests.filter((r) => r.path === '/token');

  beforeEach(async () => {
    server = await MockProviderServer.start();
    clients = new UpstreamClients({ allowPrivate: true });
    adapter = createGoogleVertexAdapter({ clients, timeoutMs: 2000 });
  });

  afterEach(async () => {
    await clients.close();
    await server.close();
  });

  it('exchanges the key once and calls generateContent with the bearer token', async () => {
    server.route('POST', '/token', granted());
    server.route('POST', `${MODEL_PATH}:generateContent`, json(200, fixture('gemini-text.json')));

    const first = await adapter.chat!(call(request));
    await adapter.chat!(call(request));

    expect(first.message.text).toBe('The capital of Australia is **Canberra**, not Sydney.');
    expect(tokenRequests()).toHaveLength(1);
    const [exchange] = tokenRequests();
    expect(exchange!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(new URLSearchParams(exchange!.body).get('grant_type')).toBe(
      'urn:ietf:params:oauth:grant-type:jwt-bearer',
    );
    const chats = server.requests.filter((r) => r.path.endsWith(':generateContent'));
    expect(chats).toHaveLength(2);
    expect(chats[0]!.headers.authorization).toBe('Bearer ya29.vertex-token');
    expect(chats[0]!.json).toEqual({
      contents: [{ role: 'user', parts: [{ text: 'Capital of Australia?' }] }],
    });
  });

  it('streams calls whose arguments Vertex streams in pieces', async () => {
    server.route('POST', '/token', granted());
    server.route(
      'POST',
      `${MODEL_PATH}:streamGenerateContent`,
      sse(chunks('vertex-stream-partial-args.chunks.txt'), { done: false, chunkBytes: 50 }),
    );
    const events = await collect(
      adapter.streamChat!(
        call({
          ...request,
          providerOptions: { toolConfig: { functionCallingConfig: { streamFunctionCallArguments: true } } },
        }),
      ),
    );
    expect(events.filter((e) => e.type === 'tool-call-delta')).toEqual([
      { type: 'tool-call-delta', index: 0, argumentsDelta: '{"city":"Lisbon"}' },
      { type: 'tool-call-delta', index: 1, argumentsDelta: '{"city":"Rio de Janeiro"}' },
    ]);
    expect(events.at(-1)).toMatchObject({ type: 'finish', finishReason: 'tool_calls' });
    const sent = server.requests.find((r) => r.path.endsWith(':streamGenerateContent'))!;
    expect(sent.query).toEqual({ alt: 'sse' });
    expect(sent.json).toMatchObject({
      toolConfig: { functionCallingConfig: { streamFunctionCallArguments: true } },
    });
  });

  it('embeds through predict, summing the token counts', async () => {
    server.route('POST', '/token', granted());
    server.route(
      'POST',
      '/v1/projects/demo-project/locations/us-central1/publishers/google/models/text-embedding-005:predict',
      json(200, JSON.parse(readFileSync(join(__dirname, '__fixtures__', 'vertex-embedding.json'), 'utf8'))),
    );
    const result = await adapter.embed!(
      call({ model: 'text-embedding-005', inputs: ['a', 'b'], dimensions: 5 }),
    );
    expect(result.embeddings).toHaveLength(2);
    expect(result.usage).toEqual({ inputTokens: 13 });
    expect(server.requests.at(-1)!.json).toEqual({
      instances: [{ content: 'a' }, { content: 'b' }],
      parameters: { outputDimensionality: 5 },
    });
  });

  it('reports a key the token endpoint refuses as an authentication failure, without calling Vertex', async () => {
    server.route(
      'POST',
      '/token',
      json(400, { error: 'invalid_grant', error_description: 'Invalid JWT Signature.' }),
    );
    const error = await adapter.chat!(call(request)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ kind: 'auth_failed' });
    expect(server.requests.map((r) => r.path)).toEqual(['/token']);
  });

  it('exchanges the key again after Vertex refused the token', async () => {
    server.route('POST', '/token', granted());
    server.route('POST', `${MODEL_PATH}:generateContent`, json(401, fixture('vertex-unauthenticated.json')), {
      times: 1,
    });
    await expect(adapter.chat!(call(request))).rejects.toMatchObject({ kind: 'auth_failed' });
    server.route('POST', `${MODEL_PATH}:generateContent`, json(200, fixture('gemini-text.json')));
    await adapter.chat!(call(request));
    expect(tokenRequests()).toHaveLength(2);
  });

  it('maps Vertex errors, such as a missing permission', async () => {
    server.route('POST', '/token', granted());
    server.route(
      'POST',
      `${MODEL_PATH}:streamGenerateContent`,
      json(403, fixture('vertex-permission-denied.json')),
    );
    await expect(collect(adapter.streamChat!(call(request)))).rejects.toMatchObject({
      kind: 'permission_denied',
      message: expect.stringContaining("Permission 'aiplatform.endpoints.predict' denied"),
    });
  });

  describe('verification', () => {
    const verify = () => adapter.verify!({ secret: { serviceAccountJson: KEY_FILE }, config: config() });
    const LOCATION_PATH = '/v1/projects/demo-project/locations/us-central1';

    it('accepts a key that gets a token and can read the location', async () => {
      server.route('POST', '/token', granted());
      server.route('GET', LOCATION_PATH, json(200, { name: 'projects/demo-project/locations/us-central1' }));
      await expect(verify()).resolves.toEqual({ ok: true });
      expect(server.requests.at(-1)!.headers.authorization).toBe('Bearer ya29.vertex-token');
    });

    it('exchanges afresh rather than trusting a cached token', async () => {
      server.route('POST', '/token', granted());
      server.route('GET', LOCATION_PATH, json(200, {}));
      await verify();
      await verify();
      expect(tokenRequests()).toHaveLength(2);
    });

    it('reads a refused grant as an invalid credential', async () => {
      server.route(
        'POST',
        '/token',
        json(400, { error: 'invalid_grant', error_description: 'Invalid JWT Signature.' }),
      );
      await expect(verify()).resolves.toEqual({
        ok: false,
        reason: 'invalid_credential',
        message: 'the token endpoint refused the service account key: invalid_grant: Invalid JWT Signature.',
      });
    });

    it('reads a key file that cannot sign as an invalid credential', async () => {
      const outcome = await adapter.verify!({
        secret: { serviceAccountJson: '{"type":"service_account"}' },
        config: config(),
      });
      expect(outcome).toEqual({
        ok: false,
        reason: 'invalid_credential',
        message: 'the service account key has no client_email',
      });
    });

    it('reads a 403 on the location as permission denied', async () => {
      server.route('POST', '/token', granted());
      server.route('GET', LOCATION_PATH, json(403, fixture('vertex-permission-denied.json')));
      await expect(verify()).resolves.toMatchObject({ ok: false, reason: 'permission_denied' });
    });

    it('decides nothing when the token endpoint fails', async () => {
      server.route('POST', '/token', json(503, { error: 'temporarily_unavailable' }));
      await expect(verify()).rejects.toBeInstanceOf(ProviderUnavailableError);
    });
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ProviderError,
  type ChatRequest,
  type ChatStreamEvent,
  type ProviderAdapter,
  type ProviderCall,
} from '@integration-api/core';
import { UpstreamClients } from '../http/upstream-clients.js';
import {
  CONTRACT_EMBED_INPUT_TOKENS,
  CONTRACT_EMBEDDINGS,
  MockProviderServer,
  json,
  openAICompatibleContractFixture,
  runChatContract,
  text,
} from '../testing/index.js';
import { createHuggingfaceAdapter } from './huggingface-adapter.js';

const API_KEY = 'hf_Zq8bT2mX4kP7vN1cR5wY9hJ3fL6dA0sE';
const FEATURE_EXTRACTION = '/hf-inference/models/contract-embedding-model/pipeline/feature-extraction';
const readFixture = (name: string) => readFileSync(join(__dirname, '__fixtures__', name), 'utf8');
const fixture = (name: string): unknown => JSON.parse(readFixture(name));

const contract = openAICompatibleContractFixture({
  name: 'Hugging Face',
  provider: 'huggingface',
  style: 'openai',
  createAdapter: (clients) => createHuggingfaceAdapter({ clients, timeoutMs: 500 }),
  credential: (mock) => ({
    secret: { apiKey: API_KEY },
    config: { baseUrl: mock.urlFor('/v1'), hubUrl: mock.url },
  }),
  paths: { chat: '/v1/chat/completions', embed: FEATURE_EXTRACTION, verify: '/api/whoami-v2' },
  query: {},
  verifyQuery: {},
  headers: { authorization: `Bearer ${API_KEY}` },
  textBody: {
    model: 'contract-model',
    messages: [
      { role: 'system', content: 'You are terse.' },
      { role: 'user', content: 'Say hello.' },
    ],
    temperature: 0.5,
    max_tokens: 64,
  },
  chatModel: 'contract-model',
  embeddingModel: 'contract-embedding-model',
  requiredToolChoice: 'required',
  streamUsageOption: true,
  toolMessageName: false,
  dimensionsField: 'dimensions',
  // The Hub, the router and TGI answer errors as `{error: "..."}`.
  errorBody: (message) => ({ error: message }),
  // TGI's mid-stream error event.
  midStreamError: {
    payload: (message) => ({ error: message, error_type: 'generation' }),
    kind: 'error',
  },
  // The router relays the serving provider's usage, details included when it counts them.
  usageFields: ['inputTokens', 'outputTokens', 'totalTokens', 'cachedInputTokens', 'reasoningTokens'],
});

runChatContract({
  ...contract,
  cases: {
    ...contract.cases,
    // Feature-extraction, not `/embeddings`: a bare list of vectors, the token count in a header.
    embeddings: {
      reply: json(200, CONTRACT_EMBEDDINGS, { 'x-compute-tokens': String(CONTRACT_EMBED_INPUT_TOKENS) }),
      expect: {
        method: 'POST',
        path: FEATURE_EXTRACTION,
        query: {},
        headers: { authorization: `Bearer ${API_KEY}` },
        body: { inputs: ['first text', 'second text'] },
      },
    },
    verify: {
      ok: { ...contract.cases.verify!.ok, reply: json(200, fixture('hf-whoami-v2.json')) },
      refused: { reply: json(401, { error: 'Invalid credentials in Authorization header' }) },
    },
  },
});

describe('Hugging Face adapter', () => {
  let mock: MockProviderServer;
  let clients: UpstreamClients;
  let adapter: ProviderAdapter;

  const call = <R>(request: R, config: Record<string, string> = {}): ProviderCall<R> => ({
    request,
    secret: { apiKey: API_KEY },
    config: { baseUrl: mock.urlFor('/v1'), ...config },
    signal: new AbortController().signal,
  });
  const collect = async (stream: AsyncIterable<ChatStreamEvent>) => {
    const events: ChatStreamEvent[] = [];
    for await (const event of stream) events.push(event);
    return events;
  };
  const request: ChatRequest = {
    model: 'meta-llama/Llama-3.1-8B-Instruct:hf-inference',
    messages: [{ role: 'user', content: 'Capital of Australia?' }],
  };

  beforeEach(async () => {
    mock = await MockProviderServer.start();
    clients = new UpstreamClients({ allowPrivate: true });
    adapter = createHuggingfaceAdapter({ clients, timeoutMs: 500 });
  });

  afterEach(async () => {
    await clients.close();
    await mock.close();
  });

  it('names the model with its provider suffix as given, for the router to route', async () => {
    mock.route('POST', '/v1/chat/completions', json(200, fixture('tgi-tool-call.json')));
    await adapter.chat!(call(request));
    expect(mock.requests[0]!.json).toMatchObject({ model: 'meta-llama/Llama-3.1-8B-Instruct:hf-inference' });
  });

  it("streams TGI's answer: empty ids, role in every delta, a usage-only chunk, then [DONE]", async () => {
    mock.route(
      'POST',
      '/v1/chat/completions',
      text(200, readFixture('tgi-text.sse'), {
        'content-type': 'text/event-stream',
        'x-request-id': 'req-tgi-1',
      }),
    );
    const events = await collect(adapter.streamChat!(call(request)));
    expect(events).toEqual([
      { type: 'text-delta', delta: 'Canberra' },
      { type: 'text-delta', delta: ' is the' },
      { type: 'text-delta', delta: ' capital' },
      { type: 'text-delta', delta: '.' },
      { type: 'usage', usage: { inputTokens: 14, outputTokens: 5, totalTokens: 19 } },
      {
        type: 'finish',
        finishReason: 'stop',
        rawFinishReason: 'stop',
        model: 'meta-llama/Llama-3.1-8B-Instruct',
        providerRequestId: 'req-tgi-1',
      },
    ]);
    expect(mock.requests[0]!.json).toMatchObject({ stream: true, stream_options: { include_usage: true } });
  });

  it('reads a TGI tool call whose arguments come as a JSON object', async () => {
    mock.route('POST', '/v1/chat/completions', json(200, fixture('tgi-tool-call.json')));
    const result = await adapter.chat!(call(request));
    expect(result.message.toolCalls).toEqual([
      { id: '0', name: 'get_weather', arguments: '{"city":"Lisbon"}' },
    ]);
    expect(result.finishReason).toBe('tool_calls');
  });

  it('reports a model still loading (503) as unavailable, with the reason', async () => {
    mock.route('POST', '/v1/chat/completions', json(503, fixture('hf-model-loading.json')));
    const error = await adapter.chat!(call(request)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ kind: 'unavailable', details: { status: 503 } });
    expect((error as Error).message).toContain('is currently loading');
  });

  it('sends a dedicated endpoint its chat under the baseUrl the credential names', async () => {
    mock.route('POST', '/endpoint/v1/chat/completions', json(200, fixture('tgi-tool-call.json')));
    await adapter.chat!(call(request, { baseUrl: mock.urlFor('/endpoint/v1/') }));
    expect(mock.requests.map((r) => r.path)).toEqual(['/endpoint/v1/chat/completions']);
  });

  it('refuses embeddings from a model that answers one vector per token', async () => {
    mock.route(
      'POST',
      '/hf-inference/models/sentence-transformers/all-MiniLM-L6-v2/pipeline/feature-extraction',
      json(200, fixture('hf-feature-extraction-tokens.json')),
    );
    const error = await adapter.embed!(
      call({ model: 'sentence-transformers/all-MiniLM-L6-v2', inputs: ['a b c', 'd e'] }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ kind: 'invalid_request' });
    expect((error as Error).message).toContain('one vector per token');
  });

  it("verifies the token with GET /api/whoami-v2 under the credential's hubUrl", async () => {
    mock.route('GET', '/api/whoami-v2', json(200, fixture('hf-whoami-v2.json')));
    await expect(
      adapter.verify!({ secret: { apiKey: API_KEY }, config: { hubUrl: mock.urlFor('/') } }),
    ).resolves.toEqual({
      ok: true,
    });
    expect(mock.requests[0]).toMatchObject({ method: 'GET', path: '/api/whoami-v2' });
  });

  it('reports a token the Hub forbids as permission_denied', async () => {
    mock.route('GET', '/api/whoami-v2', json(403, { error: 'This token has no access.' }));
    await expect(
      adapter.verify!({ secret: { apiKey: API_KEY }, config: { hubUrl: mock.url } }),
    ).resolves.toEqual({
      ok: false,
      reason: 'permission_denied',
      message: 'This token has no access.',
    });
  });
});

import { ProviderError, type EmbedRequest, type ProviderCall } from '@integration-api/core';
import { UpstreamClients } from '../http/upstream-clients.js';
import { MockProviderServer, json, type MockHandler } from '../testing/index.js';
import { computeTokens, createHuggingfaceEmbed } from './huggingface-embed.js';

const API_KEY = 'hf_Zq8bT2mX4kP7vN1cR5wY9hJ3fL6dA0sE';
const PIPELINE = '/hf-inference/models/BAAI/bge-m3/pipeline/feature-extraction';

/** Answers each feature-extraction request with one vector `[i]` per input, counting 2 tokens per input. */
const echoVectors =
  (options: { tokens?: (request: number) => string | undefined } = {}): MockHandler =>
  (request, response) => {
    const { inputs } = request.json as { inputs: string[] };
    const at = Number(inputs[0]!.split(' ')[1]);
    const tokens = options.tokens ? options.tokens(at) : String(inputs.length * 2);
    response.writeHead(200, {
      'content-type': 'application/json',
      'x-request-id': `req-${at}`,
      ...(tokens !== undefined ? { 'x-compute-tokens': tokens } : {}),
    });
    response.end(JSON.stringify(inputs.map((_text, i) => [at + i])));
  };

describe('Hugging Face embeddings', () => {
  let mock: MockProviderServer;
  let clients: UpstreamClients;
  const embed = (request: EmbedRequest, config: Record<string, string> = {}) =>
    createHuggingfaceEmbed({ clients })({
      request,
      secret: { apiKey: API_KEY },
      config: { baseUrl: mock.urlFor('/v1'), ...config },
      signal: new AbortController().signal,
    } satisfies ProviderCall<EmbedRequest>);
  const texts = (count: number) => Array.from({ length: count }, (_, i) => `text ${i}`);

  beforeEach(async () => {
    mock = await MockProviderServer.start();
    clients = new UpstreamClients({ allowPrivate: true });
  });

  afterEach(async () => {
    await clients.close();
    await mock.close();
  });

  it('embeds many inputs 32 at a time, keeping their order and summing the tokens counted', async () => {
    mock.route('POST', PIPELINE, echoVectors());
    const result = await embed({ model: 'BAAI/bge-m3', inputs: texts(70) });
    expect(mock.requests.map((r) => (r.json as { inputs: string[] }).inputs.length)).toEqual([32, 32, 6]);
    expect(result.embeddings).toEqual(texts(70).map((_text, i) => [i]));
    expect(result.usage).toEqual({ inputTokens: 140, totalTokens: 140 });
    expect(result.providerRequestId).toBe('req-0');
  });

  it('reports no usage when an answer does not count its tokens', async () => {
    mock.route('POST', PIPELINE, echoVectors({ tokens: (at) => (at === 32 ? undefined : '64') }));
    const result = await embed({ model: 'BAAI/bge-m3', inputs: texts(40) });
    expect(result.embeddings).toHaveLength(40);
    expect(result.usage).toEqual({});
  });

  it("sends a dedicated endpoint's embeddingsUrl the TEI body, provider options included", async () => {
    mock.route('POST', '/embed', json(200, [[0.5, 0.5]], { 'x-compute-tokens': '3' }));
    const result = await embed(
      {
        model: 'BAAI/bge-m3',
        inputs: ['query text'],
        providerOptions: { prompt_name: 'query', truncate: true },
      },
      { embeddingsUrl: mock.urlFor('/embed') },
    );
    expect(mock.requests[0]).toMatchObject({
      path: '/embed',
      headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
      json: { inputs: ['query text'], prompt_name: 'query', truncate: true },
    });
    expect(result).toEqual({ embeddings: [[0.5, 0.5]], usage: { inputTokens: 3, totalTokens: 3 } });
  });

  it('stops at the first batch that fails, with the error the server gave', async () => {
    mock.route(
      'POST',
      PIPELINE,
      json(413, { error: 'batch size 32 > maximum allowed batch size 16', error_type: 'validation' }),
    );
    const error = await embed({ model: 'BAAI/bge-m3', inputs: texts(40) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ kind: 'invalid_request', details: { status: 413 } });
    expect((error as Error).message).toContain('maximum allowed batch size 16');
    expect(mock.requests).toHaveLength(1);
  });

  it('fails when the answer does not keep the dimensions asked for', async () => {
    mock.route('POST', PIPELINE, json(200, [[0.1, 0.2, 0.3]]));
    await expect(embed({ model: 'BAAI/bge-m3', inputs: ['a'], dimensions: 2 })).rejects.toMatchObject({
      kind: 'invalid_request',
    });
  });

  it('reads the token count only from a whole number', () => {
    expect(computeTokens({ 'x-compute-tokens': '12' })).toBe(12);
    expect(computeTokens({ 'x-compute-tokens': ' 7 ' })).toBe(7);
    expect(computeTokens({ 'x-compute-tokens': '-1' })).toBeUndefined();
    expect(computeTokens({ 'x-compute-tokens': 'many' })).toBeUndefined();
    expect(computeTokens({})).toBeUndefined();
  });
});

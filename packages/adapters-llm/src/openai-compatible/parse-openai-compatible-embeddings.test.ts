import { ProviderError } from '@integration-api/core';
import { parseOpenAICompatibleEmbeddings } from './parse-openai-compatible-embeddings.js';

const answer = {
  object: 'list',
  data: [
    { object: 'embedding', index: 1, embedding: [0.4, 0.5, 0.6] },
    { object: 'embedding', index: 0, embedding: [0.1, 0.2, 0.3] },
  ],
  model: 'text-embedding-3-small',
  usage: { prompt_tokens: 6, total_tokens: 6 },
};

describe('parseOpenAICompatibleEmbeddings', () => {
  it('returns the vectors in input order with usage and model', () => {
    expect(
      parseOpenAICompatibleEmbeddings(answer, { provider: 'openai', inputCount: 2, requestId: 'req_9' }),
    ).toEqual({
      embeddings: [
        [0.1, 0.2, 0.3],
        [0.4, 0.5, 0.6],
      ],
      usage: { inputTokens: 6, totalTokens: 6 },
      model: 'text-embedding-3-small',
      providerRequestId: 'req_9',
    });
  });

  it("uses the body's id when no header carries one (Mistral)", () => {
    const result = parseOpenAICompatibleEmbeddings(
      { id: 'emb-1', data: [{ embedding: [1] }], model: 'mistral-embed', usage: { prompt_tokens: 2 } },
      { provider: 'mistral', inputCount: 1 },
    );
    expect(result).toMatchObject({ providerRequestId: 'emb-1', usage: { inputTokens: 2 } });
  });

  it('refuses an answer with a vector missing or not made of numbers', () => {
    expect(() => parseOpenAICompatibleEmbeddings(answer, { provider: 'openai', inputCount: 3 })).toThrow(
      'the answer holds 2 embeddings for 3 inputs',
    );
    expect(() =>
      parseOpenAICompatibleEmbeddings(
        { data: [{ embedding: 'AAAA' }] },
        { provider: 'openai', inputCount: 1 },
      ),
    ).toThrow(ProviderError);
  });
});

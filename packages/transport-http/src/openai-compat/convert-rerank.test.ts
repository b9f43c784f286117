import type { RerankResult } from '@integration-api/core';
import { toRerankRequest, toRerankResponse } from './convert-rerank.js';

describe('toRerankRequest', () => {
  it('takes documents as strings or objects with text', () => {
    expect(
      toRerankRequest({ model: 'c/m', query: 'q', documents: ['a', { text: 'b' }], top_n: 1 }, 'm'),
    ).toEqual({ model: 'm', query: 'q', documents: ['a', 'b'], topN: 1 });
  });
});

describe('toRerankResponse', () => {
  const result: RerankResult = {
    results: [{ index: 1, relevanceScore: 0.8 }],
    usage: { inputTokens: 12 },
    metrics: { latencyMs: 1 },
  };

  it('answers index and relevance_score, with the documents only when asked', () => {
    expect(toRerankResponse(result, 'c/m', undefined)).toEqual({
      id: expect.any(String),
      model: 'c/m',
      results: [{ index: 1, relevance_score: 0.8 }],
      usage: { total_tokens: 12 },
    });
    expect(toRerankResponse(result, 'c/m', ['a', 'b']).results).toEqual([
      { index: 1, relevance_score: 0.8, document: { text: 'b' } },
    ]);
  });
});

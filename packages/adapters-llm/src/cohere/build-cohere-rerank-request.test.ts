import { buildCohereRerankRequest } from './build-cohere-rerank-request.js';

describe('buildCohereRerankRequest', () => {
  it('sends the query, the documents and top_n', () => {
    expect(
      buildCohereRerankRequest({
        model: 'rerank-v3.5',
        query: 'refund policy',
        documents: ['a', 'b'],
        topN: 1,
      }),
    ).toEqual({ model: 'rerank-v3.5', query: 'refund policy', documents: ['a', 'b'], top_n: 1 });
  });

  it('leaves top_n out when all results are wanted and merges providerOptions', () => {
    expect(
      buildCohereRerankRequest({
        model: 'rerank-v3.5',
        query: 'q',
        documents: ['a'],
        providerOptions: { max_tokens_per_doc: 512 },
      }),
    ).toEqual({ model: 'rerank-v3.5', query: 'q', documents: ['a'], max_tokens_per_doc: 512 });
  });
});

import { buildVoyageaiRerankRequest } from './build-voyageai-rerank-request.js';

describe('buildVoyageaiRerankRequest', () => {
  it('sends the query, the documents and top_k, without echoing documents', () => {
    expect(
      buildVoyageaiRerankRequest({
        model: 'rerank-2.5',
        query: 'refund policy',
        documents: ['a', 'b'],
        topN: 1,
      }),
    ).toEqual({
      query: 'refund policy',
      documents: ['a', 'b'],
      model: 'rerank-2.5',
      top_k: 1,
      return_documents: false,
    });
  });

  it('leaves top_k out when all results are wanted and merges providerOptions', () => {
    expect(
      buildVoyageaiRerankRequest({
        model: 'rerank-2.5',
        query: 'q',
        documents: ['a'],
        providerOptions: { truncation: false },
      }),
    ).toEqual({
      query: 'q',
      documents: ['a'],
      model: 'rerank-2.5',
      return_documents: false,
      truncation: false,
    });
  });
});

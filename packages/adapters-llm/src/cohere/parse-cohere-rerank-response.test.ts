import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCohereRerankResponse } from './parse-cohere-rerank-response.js';

const body: unknown = JSON.parse(readFileSync(join(__dirname, '__fixtures__', 'cohere-rerank.json'), 'utf8'));

describe('parseCohereRerankResponse', () => {
  it('returns the ranking best first with the search units', () => {
    expect(parseCohereRerankResponse(body, 3)).toEqual({
      results: [
        { index: 2, relevanceScore: 0.8731 },
        { index: 0, relevanceScore: 0.0412 },
      ],
      usage: { searchUnits: 1 },
      providerRequestId: 'a7c1e9b3-2f58-4d06-8b4a-6e0d3c7f1a92',
    });
  });

  it('sorts an unsorted answer', () => {
    const results = parseCohereRerankResponse(
      {
        results: [
          { index: 0, relevance_score: 0.1 },
          { index: 1, relevance_score: 0.9 },
        ],
      },
      2,
    ).results;
    expect(results.map((r) => r.index)).toEqual([1, 0]);
  });

  it('refuses results that point outside the documents', () => {
    expect(() => parseCohereRerankResponse(body, 2)).toThrow(
      expect.objectContaining({ code: 'provider_error' }),
    );
    expect(() => parseCohereRerankResponse({}, 2)).toThrow(
      expect.objectContaining({ code: 'provider_error' }),
    );
  });
});

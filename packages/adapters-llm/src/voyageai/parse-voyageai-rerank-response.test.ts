import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseVoyageaiRerankResponse } from './parse-voyageai-rerank-response.js';

const body: unknown = JSON.parse(
  readFileSync(join(__dirname, '__fixtures__', 'voyageai-rerank.json'), 'utf8'),
);

describe('parseVoyageaiRerankResponse', () => {
  it('returns the ranking best first with the token count and model', () => {
    expect(parseVoyageaiRerankResponse(body, 3)).toEqual({
      results: [
        { index: 2, relevanceScore: 0.6484375 },
        { index: 0, relevanceScore: 0.3125 },
        { index: 1, relevanceScore: 0.0927734375 },
      ],
      usage: { inputTokens: 27 },
      model: 'rerank-2.5',
    });
  });

  it('sorts an unsorted answer', () => {
    const results = parseVoyageaiRerankResponse(
      {
        data: [
          { index: 0, relevance_score: 0.2 },
          { index: 1, relevance_score: 0.7 },
        ],
      },
      2,
    ).results;
    expect(results.map((r) => r.index)).toEqual([1, 0]);
  });

  it('refuses results that point outside the documents', () => {
    expect(() => parseVoyageaiRerankResponse(body, 2)).toThrow(
      expect.objectContaining({ code: 'provider_error' }),
    );
    expect(() => parseVoyageaiRerankResponse({ detail: 'x' }, 2)).toThrow(
      expect.objectContaining({ code: 'provider_error' }),
    );
  });
});

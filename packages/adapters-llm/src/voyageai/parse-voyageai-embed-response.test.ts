import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseVoyageaiEmbedResponse } from './parse-voyageai-embed-response.js';

const body: unknown = JSON.parse(
  readFileSync(join(__dirname, '__fixtures__', 'voyageai-embed.json'), 'utf8'),
);

describe('parseVoyageaiEmbedResponse', () => {
  it('puts the vectors back in input order, with the token count and model', () => {
    expect(parseVoyageaiEmbedResponse(body, 2)).toEqual({
      embeddings: [
        [0.0263, -0.0109, 0.0705, 0.0031, -0.0298],
        [-0.0174, 0.0321, 0.0088, -0.0612, 0.0447],
      ],
      usage: { inputTokens: 14, totalTokens: 14 },
      model: 'voyage-3.5',
    });
  });

  it.each([
    ['a vector is missing', body, 3],
    [
      'an index repeats',
      {
        data: [
          { index: 0, embedding: [1] },
          { index: 0, embedding: [2] },
        ],
      },
      2,
    ],
    ['a vector is not numbers', { data: [{ index: 0, embedding: 'AAAA' }] }, 1],
    ['there is no data', {}, 1],
  ])('refuses an answer where %s', (_case, response, count) => {
    expect(() => parseVoyageaiEmbedResponse(response, count)).toThrow(
      expect.objectContaining({ code: 'provider_error' }),
    );
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseVertexEmbedResponse } from './parse-vertex-embed-response.js';

const fixture = JSON.parse(
  readFileSync(join(__dirname, '__fixtures__', 'vertex-embedding.json'), 'utf8'),
) as unknown;

describe('parseVertexEmbedResponse', () => {
  it('returns the vectors in order and sums the token counts', () => {
    expect(parseVertexEmbedResponse('google-vertex', fixture, 2)).toEqual({
      embeddings: [
        [0.0118, -0.0342, 0.0275, -0.0061, 0.0193],
        [-0.0457, 0.0039, -0.0128, 0.0311, -0.0246],
      ],
      inputTokens: 13,
    });
  });

  it('leaves the token count out when Vertex gave none', () => {
    expect(
      parseVertexEmbedResponse('google-vertex', { predictions: [{ embeddings: { values: [1] } }] }, 1),
    ).toEqual({
      embeddings: [[1]],
    });
  });

  it('refuses an answer that does not hold one vector per input', () => {
    expect(() => parseVertexEmbedResponse('google-vertex', fixture, 3)).toThrow(
      'google-vertex: the answer holds 2 predictions for 3 inputs',
    );
    expect(() => parseVertexEmbedResponse('google-vertex', { predictions: [{}] }, 1)).toThrow(
      'prediction 0 of the answer holds no embedding',
    );
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCohereEmbedResponse } from './parse-cohere-embed-response.js';

const body: unknown = JSON.parse(readFileSync(join(__dirname, '__fixtures__', 'cohere-embed.json'), 'utf8'));

describe('parseCohereEmbedResponse', () => {
  it('returns one vector per input with the billed input tokens', () => {
    expect(parseCohereEmbedResponse(body, 2)).toEqual({
      embeddings: [
        [0.0215, -0.0432, 0.0118, 0.0537, -0.0076],
        [-0.0381, 0.0093, -0.0524, -0.0745, 0.0219],
      ],
      usage: { inputTokens: 11, totalTokens: 11 },
      providerRequestId: '4b8e2c6a-9d13-4f70-a5e1-3c7b0d9f2e86',
    });
  });

  it('refuses an answer with a vector missing or no float vectors', () => {
    expect(() => parseCohereEmbedResponse(body, 3)).toThrow(
      expect.objectContaining({ code: 'provider_error' }),
    );
    expect(() => parseCohereEmbedResponse({ embeddings: { int8: [[1]] } }, 1)).toThrow(
      expect.objectContaining({ code: 'provider_error' }),
    );
  });
});

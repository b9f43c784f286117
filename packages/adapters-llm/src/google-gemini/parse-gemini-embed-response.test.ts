import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ProviderError } from '@integration-api/core';
import { parseGeminiEmbedResponse } from './parse-gemini-embed-response.js';

const fixture = JSON.parse(
  readFileSync(join(__dirname, '__fixtures__', 'gemini-batch-embed.json'), 'utf8'),
) as unknown;

describe('parseGeminiEmbedResponse', () => {
  it('returns one vector per input, in order, without token counts Gemini does not report', () => {
    expect(parseGeminiEmbedResponse('google-gemini', fixture, 2)).toEqual({
      embeddings: [
        [0.0213, -0.0087, 0.0442, -0.0175, 0.0031],
        [-0.0391, 0.0126, 0.0068, 0.0254, -0.0113],
      ],
    });
  });

  it('takes the prompt token count when an answer carries usage metadata', () => {
    expect(
      parseGeminiEmbedResponse(
        'google-gemini',
        { embeddings: [{ values: [1] }], usageMetadata: { promptTokenCount: 3 } },
        1,
      ),
    ).toEqual({ embeddings: [[1]], inputTokens: 3 });
  });

  it('refuses an answer with a vector missing or malformed', () => {
    expect(() => parseGeminiEmbedResponse('google-gemini', fixture, 3)).toThrow(
      'google-gemini: the answer holds 2 embeddings for 3 inputs',
    );
    expect(() => parseGeminiEmbedResponse('google-gemini', { embeddings: [{ values: ['x'] }] }, 1)).toThrow(
      ProviderError,
    );
    expect(() => parseGeminiEmbedResponse('google-gemini', {}, 1)).toThrow(
      'the answer holds no embeddings for 1 inputs',
    );
  });
});

import type { EmbedResult } from '@integration-api/core';
import type { EmbeddingsBody } from './openai-schemas.js';
import {
  encodingFormatOf,
  float32Base64,
  toEmbeddingsResponse,
  toEmbedRequest,
} from './convert-embeddings.js';

describe('toEmbedRequest', () => {
  it('takes one text or several, with the retrieval input type', () => {
    expect(toEmbedRequest({ model: 'c/m', input: 'one' }, 'm')).toEqual({ model: 'm', inputs: ['one'] });
    expect(
      toEmbedRequest(
        { model: 'c/m', input: ['a', 'b'], input_type: 'query', dimensions: null } as EmbeddingsBody,
        'm',
      ),
    ).toEqual({ model: 'm', inputs: ['a', 'b'], inputType: 'query' });
  });

  it('refuses token arrays and unknown input types', () => {
    expect(() => toEmbedRequest({ model: 'c/m', input: [1, 2, 3] }, 'm')).toThrow(
      expect.objectContaining({ details: { field: 'input' } }),
    );
    expect(() => toEmbedRequest({ model: 'c/m', input: 'x', input_type: 'passage' }, 'm')).toThrow(
      expect.objectContaining({ details: { field: 'input_type' } }),
    );
  });
});

describe('encodingFormatOf', () => {
  it('defaults to float and refuses anything but float and base64', () => {
    expect(encodingFormatOf(undefined)).toBe('float');
    expect(encodingFormatOf('base64')).toBe('base64');
    expect(() => encodingFormatOf('binary')).toThrow(
      expect.objectContaining({ details: { field: 'encoding_format' } }),
    );
  });
});

describe('float32Base64', () => {
  it('writes little-endian float32', () => {
    const bytes = Buffer.from(float32Base64([1, -2.5]), 'base64');
    expect([...bytes]).toEqual([0x00, 0x00, 0x80, 0x3f, 0x00, 0x00, 0x20, 0xc0]);
    expect(Array.from(new Float32Array(bytes.buffer, bytes.byteOffset, 2))).toEqual([1, -2.5]);
  });
});

describe('toEmbeddingsResponse', () => {
  it('numbers the vectors and counts prompt tokens as the total', () => {
    const result: EmbedResult = {
      embeddings: [[1], [2]],
      usage: { inputTokens: 4 },
      metrics: { latencyMs: 1 },
    };
    expect(toEmbeddingsResponse(result, 'c/m', 'float')).toEqual({
      object: 'list',
      data: [
        { object: 'embedding', index: 0, embedding: [1] },
        { object: 'embedding', index: 1, embedding: [2] },
      ],
      model: 'c/m',
      usage: { prompt_tokens: 4, total_tokens: 4 },
    });
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ProviderError } from '@integration-api/core';
import { parseHuggingfaceEmbeddings } from './parse-huggingface-embeddings.js';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(join(__dirname, '__fixtures__', name), 'utf8'));
const meta = { provider: 'huggingface', inputCount: 2 } as const;
const failure = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected the parse to fail');
};

describe('parseHuggingfaceEmbeddings', () => {
  it('returns one vector per input, in input order', () => {
    expect(parseHuggingfaceEmbeddings(fixture('hf-feature-extraction.json'), meta)).toEqual([
      [0.0123, -0.0456, 0.0789, 0.0012],
      [-0.0321, 0.0654, -0.0987, 0.0021],
    ]);
  });

  it('takes a bare vector as the only input’s', () => {
    expect(parseHuggingfaceEmbeddings([0.1, 0.2], { ...meta, inputCount: 1 })).toEqual([[0.1, 0.2]]);
  });

  it('refuses a per-token (3-dimensional) answer as invalid_request instead of misreading it', () => {
    const error = failure(() =>
      parseHuggingfaceEmbeddings(fixture('hf-feature-extraction-tokens.json'), meta),
    );
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ kind: 'invalid_request', provider: 'huggingface' });
    expect((error as Error).message).toContain('one vector per token');
  });

  it('refuses vectors of another length than the dimensions asked for', () => {
    const error = failure(() =>
      parseHuggingfaceEmbeddings(fixture('hf-feature-extraction.json'), { ...meta, dimensions: 256 }),
    );
    expect(error).toMatchObject({ kind: 'invalid_request' });
    expect((error as Error).message).toContain('4-dimensional vectors');
    expect(
      parseHuggingfaceEmbeddings(fixture('hf-feature-extraction.json'), { ...meta, dimensions: 4 }),
    ).toHaveLength(2);
  });

  it.each([
    ['an object', { embeddings: [] }, 'not a list of vectors'],
    ['too few vectors', [[0.1]], '1 embeddings for 2 inputs'],
    ['a vector holding text', [[0.1], ['0.2']], 'embedding 1 of the answer is not a list of numbers'],
    ['a bare vector for two inputs', [0.1, 0.2], 'embedding 0 of the answer is not a list of numbers'],
  ])('treats %s as the provider’s error', (_name, body, message) => {
    const error = failure(() => parseHuggingfaceEmbeddings(body, meta));
    expect(error).toMatchObject({ kind: 'error' });
    expect((error as Error).message).toContain(message);
  });
});

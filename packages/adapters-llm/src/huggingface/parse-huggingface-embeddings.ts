import { ProviderError, type ProviderId } from '@integration-api/core';

export interface FeatureExtractionMeta {
  readonly provider: ProviderId;
  /** How many inputs were sent: the answer must hold one vector for each. */
  readonly inputCount: number;
  /** The vector length the caller asked for, which feature-extraction cannot change. */
  readonly dimensions?: number;
}

/**
 * The vectors of a feature-extraction answer (`number[][]`, one per input, in input order). A
 * per-token answer (`number[][][]`, from a model without pooling) is refused as invalid_request
 * rather than misread; so is an answer whose vectors are not the length the caller asked for.
 * A bare `number[]` is taken as the vector of a single input.
 */
export function parseHuggingfaceEmbeddings(body: unknown, meta: FeatureExtractionMeta): number[][] {
  const { provider, inputCount } = meta;
  if (!Array.isArray(body)) {
    throw new ProviderError('error', provider, 'the answer is not a list of vectors');
  }
  const rows: unknown[] = inputCount === 1 && body.length > 0 && body.every(isNumber) ? [body] : body;
  const vectors = rows.map((row, i) => {
    if (Array.isArray(row) && row.every(isNumber)) return row;
    if (Array.isArray(row) && row.length > 0 && row.every(Array.isArray)) {
      throw new ProviderError(
        'invalid_request',
        provider,
        'the model answered one vector per token instead of one per input (a 3-dimensional answer): ' +
          'use a sentence-embedding model, or an endpoint that pools the token vectors',
      );
    }
    throw new ProviderError('error', provider, `embedding ${i} of the answer is not a list of numbers`);
  });
  if (vectors.length !== inputCount) {
    throw new ProviderError(
      'error',
      provider,
      `the answer holds ${vectors.length} embeddings for ${inputCount} inputs`,
    );
  }
  const { dimensions } = meta;
  const other = dimensions === undefined ? undefined : vectors.find((v) => v.length !== dimensions);
  if (other) {
    throw new ProviderError(
      'invalid_request',
      provider,
      `the model returns ${other.length}-dimensional vectors and feature-extraction cannot shorten ` +
        `them to ${dimensions}: leave dimensions out or ask for ${other.length}`,
    );
  }
  return vectors;
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number';
}

import { ProviderError, type ProviderEmbedResult } from '@integration-api/core';
import { isRecord, type CohereEmbedResponse } from './cohere-api.js';

/** A `/v2/embed` answer: one float vector per input, in input order (Cohere keeps the order). */
export function parseCohereEmbedResponse(body: unknown, inputCount: number): ProviderEmbedResult {
  const response = (isRecord(body) ? body : {}) as CohereEmbedResponse;
  const vectors = response.embeddings?.float;
  if (!Array.isArray(vectors) || vectors.length !== inputCount || !vectors.every(isVector)) {
    throw new ProviderError(
      'error',
      'cohere',
      `the embed response does not hold one float vector for each of the ${inputCount} inputs`,
    );
  }
  const inputTokens = response.meta?.billed_units?.input_tokens;
  return {
    embeddings: vectors,
    usage: typeof inputTokens === 'number' ? { inputTokens, totalTokens: inputTokens } : {},
    ...(response.id ? { providerRequestId: response.id } : {}),
  };
}

function isVector(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((n) => typeof n === 'number');
}

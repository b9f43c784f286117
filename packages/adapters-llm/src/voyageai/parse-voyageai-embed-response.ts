import { ProviderError, type ProviderEmbedResult } from '@integration-api/core';
import { isRecord, type VoyageaiEmbedResponse } from './voyageai-api.js';

/** A `/embeddings` answer: the vectors put back in input order by their `index`. */
export function parseVoyageaiEmbedResponse(body: unknown, inputCount: number): ProviderEmbedResult {
  const response = (isRecord(body) ? body : {}) as VoyageaiEmbedResponse;
  const data = Array.isArray(response.data) ? response.data : [];
  const embeddings: (number[] | undefined)[] = new Array<number[] | undefined>(inputCount).fill(undefined);
  for (const item of data) {
    const { index, embedding } = item;
    if (
      !Number.isInteger(index) ||
      index! < 0 ||
      index! >= inputCount ||
      embeddings[index!] ||
      !isVector(embedding)
    ) {
      throw malformed(inputCount);
    }
    embeddings[index!] = embedding;
  }
  if (data.length !== inputCount) throw malformed(inputCount);
  const tokens = response.usage?.total_tokens;
  return {
    embeddings: embeddings as number[][],
    usage: typeof tokens === 'number' ? { inputTokens: tokens, totalTokens: tokens } : {},
    ...(response.model ? { model: response.model } : {}),
  };
}

function malformed(inputCount: number): ProviderError {
  return new ProviderError(
    'error',
    'voyageai',
    `the embeddings response does not hold one float vector for each of the ${inputCount} inputs`,
  );
}

function isVector(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((n) => typeof n === 'number');
}

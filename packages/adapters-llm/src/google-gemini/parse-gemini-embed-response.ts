import { ProviderError, type ProviderId } from '@integration-api/core';

export interface GeminiEmbeddings {
  readonly embeddings: number[][];
  /** `usageMetadata.promptTokenCount`, when the answer carries it (the documented answer does not). */
  readonly inputTokens?: number;
}

/**
 * The vectors of a `batchEmbedContents` answer (`{embeddings:[{values}]}`), in request order.
 * The answer must hold one vector of numbers per input sent; anything else is the provider's error.
 */
export function parseGeminiEmbedResponse(
  provider: ProviderId,
  body: unknown,
  expected: number,
): GeminiEmbeddings {
  const embeddings = isObject(body) ? body.embeddings : undefined;
  if (!Array.isArray(embeddings) || embeddings.length !== expected) {
    throw new ProviderError(
      'error',
      provider,
      `the answer holds ${Array.isArray(embeddings) ? embeddings.length : 'no'} embeddings for ${expected} inputs`,
    );
  }
  const vectors = embeddings.map((embedding, i) => {
    const values = isObject(embedding) ? embedding.values : undefined;
    if (!Array.isArray(values) || !values.every((v) => typeof v === 'number')) {
      throw new ProviderError('error', provider, `embedding ${i} of the answer is not a list of numbers`);
    }
    return values as number[];
  });
  const usage = isObject(body) && isObject(body.usageMetadata) ? body.usageMetadata : undefined;
  const tokens = usage?.promptTokenCount;
  return {
    embeddings: vectors,
    ...(typeof tokens === 'number' && Number.isFinite(tokens) ? { inputTokens: tokens } : {}),
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

import { ProviderError, type ProviderId } from '@integration-api/core';

export interface VertexEmbeddings {
  readonly embeddings: number[][];
  /** The sum of the predictions' `statistics.token_count`, when Vertex reported them. */
  readonly inputTokens?: number;
}

/**
 * The vectors of a `:predict` answer (`predictions[].embeddings.values`), in request order, with
 * the token counts Vertex reports per input. One vector of numbers per input sent, or the
 * provider's error.
 */
export function parseVertexEmbedResponse(
  provider: ProviderId,
  body: unknown,
  expected: number,
): VertexEmbeddings {
  const predictions = isObject(body) ? body.predictions : undefined;
  if (!Array.isArray(predictions) || predictions.length !== expected) {
    throw new ProviderError(
      'error',
      provider,
      `the answer holds ${Array.isArray(predictions) ? predictions.length : 'no'} predictions for ${expected} inputs`,
    );
  }
  let inputTokens: number | undefined;
  const embeddings = predictions.map((prediction, i) => {
    const embedding =
      isObject(prediction) && isObject(prediction.embeddings) ? prediction.embeddings : undefined;
    const values = embedding?.values;
    if (!embedding || !Array.isArray(values) || !values.every((v) => typeof v === 'number')) {
      throw new ProviderError('error', provider, `prediction ${i} of the answer holds no embedding`);
    }
    const count = isObject(embedding.statistics) ? embedding.statistics.token_count : undefined;
    if (typeof count === 'number' && Number.isFinite(count)) inputTokens = (inputTokens ?? 0) + count;
    return values as number[];
  });
  return { embeddings, ...(inputTokens !== undefined ? { inputTokens } : {}) };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

import { ProviderError, type ProviderEmbedResult, type ProviderId, type Usage } from '@integration-api/core';
import type { OpenAICompatibleEmbeddingResponse } from './openai-compatible-api.js';
import { nonEmpty } from './parse-openai-compatible-response.js';

export interface EmbeddingsMeta {
  readonly provider: ProviderId;
  /** How many inputs were sent: the answer must hold one vector for each. */
  readonly inputCount: number;
  readonly requestId?: string;
}

/** An `/embeddings` answer as our result, vectors in input order (by their `index`). */
export function parseOpenAICompatibleEmbeddings(body: unknown, meta: EmbeddingsMeta): ProviderEmbedResult {
  const { provider } = meta;
  const response = (
    typeof body === 'object' && body !== null ? body : {}
  ) as OpenAICompatibleEmbeddingResponse & {
    id?: unknown;
  };
  const data = Array.isArray(response.data) ? response.data : [];
  const ordered = data
    .map((item, position) => ({ item, order: typeof item?.index === 'number' ? item.index : position }))
    .sort((a, b) => a.order - b.order);
  const embeddings = ordered.map(({ item }) => {
    const vector = item?.embedding;
    if (!Array.isArray(vector) || !vector.every((value) => typeof value === 'number')) {
      throw new ProviderError(
        'error',
        provider,
        'the answer holds an embedding that is not a list of numbers',
      );
    }
    return vector as number[];
  });
  if (embeddings.length !== meta.inputCount) {
    throw new ProviderError(
      'error',
      provider,
      `the answer holds ${embeddings.length} embeddings for ${meta.inputCount} inputs`,
    );
  }
  const usage: { -readonly [K in keyof Usage]: Usage[K] } = {};
  if (typeof response.usage?.prompt_tokens === 'number') usage.inputTokens = response.usage.prompt_tokens;
  if (typeof response.usage?.total_tokens === 'number') usage.totalTokens = response.usage.total_tokens;
  const model = nonEmpty(response.model);
  const requestId = meta.requestId ?? nonEmpty(response.id);
  return {
    embeddings,
    usage,
    ...(model ? { model } : {}),
    ...(requestId ? { providerRequestId: requestId } : {}),
  };
}

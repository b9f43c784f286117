import { ProviderError, type ProviderRerankResult, type RerankItem } from '@integration-api/core';
import { isRecord, type VoyageaiRerankResponse } from './voyageai-api.js';

/** A `/rerank` answer, best first; Voyage bills reranking in tokens. */
export function parseVoyageaiRerankResponse(body: unknown, documentCount: number): ProviderRerankResult {
  const response = (isRecord(body) ? body : {}) as VoyageaiRerankResponse;
  if (!Array.isArray(response.data)) {
    throw new ProviderError('error', 'voyageai', 'the rerank response has no data');
  }
  const results: RerankItem[] = response.data.map((item) => {
    const { index, relevance_score: score } = item;
    if (!Number.isInteger(index) || index! < 0 || index! >= documentCount || typeof score !== 'number') {
      throw new ProviderError('error', 'voyageai', 'the rerank response names a document it was not given');
    }
    return { index: index!, relevanceScore: score };
  });
  results.sort((a, b) => b.relevanceScore - a.relevanceScore);
  const tokens = response.usage?.total_tokens;
  return {
    results,
    usage: typeof tokens === 'number' ? { inputTokens: tokens } : {},
    ...(response.model ? { model: response.model } : {}),
  };
}

import { ProviderError, type ProviderRerankResult, type RerankItem } from '@integration-api/core';
import { isRecord, type CohereRerankResponse } from './cohere-api.js';

/** A `/v2/rerank` answer, best first; search units are what Cohere bills reranking in. */
export function parseCohereRerankResponse(body: unknown, documentCount: number): ProviderRerankResult {
  const response = (isRecord(body) ? body : {}) as CohereRerankResponse;
  if (!Array.isArray(response.results)) {
    throw new ProviderError('error', 'cohere', 'the rerank response has no results');
  }
  const results: RerankItem[] = response.results.map((result) => {
    const { index, relevance_score: score } = result;
    if (!Number.isInteger(index) || index! < 0 || index! >= documentCount || typeof score !== 'number') {
      throw new ProviderError('error', 'cohere', 'the rerank response names a document it was not given');
    }
    return { index: index!, relevanceScore: score };
  });
  results.sort((a, b) => b.relevanceScore - a.relevanceScore);
  const searchUnits = response.meta?.billed_units?.search_units;
  return {
    results,
    usage: typeof searchUnits === 'number' ? { searchUnits } : {},
    ...(response.id ? { providerRequestId: response.id } : {}),
  };
}

import type { RerankRequest } from '@integration-api/core';
import type { CohereRerankRequestBody } from './cohere-api.js';

/** The `POST /v2/rerank` body; providerOptions (`max_tokens_per_doc`…) merged last. */
export function buildCohereRerankRequest(request: RerankRequest): CohereRerankRequestBody {
  return {
    model: request.model,
    query: request.query,
    documents: request.documents,
    ...(request.topN !== undefined ? { top_n: request.topN } : {}),
    ...request.providerOptions,
  };
}

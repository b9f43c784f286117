import type { RerankRequest } from '@integration-api/core';
import type { VoyageaiRerankRequestBody } from './voyageai-api.js';

/**
 * The `POST /rerank` body. Documents are not echoed back (we only return indexes);
 * providerOptions (`truncation`…) are merged last.
 */
export function buildVoyageaiRerankRequest(request: RerankRequest): VoyageaiRerankRequestBody {
  return {
    query: request.query,
    documents: request.documents,
    model: request.model,
    ...(request.topN !== undefined ? { top_k: request.topN } : {}),
    return_documents: false,
    ...request.providerOptions,
  };
}

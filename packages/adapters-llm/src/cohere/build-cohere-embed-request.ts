import type { EmbedRequest } from '@integration-api/core';
import type { CohereEmbedInputType, CohereEmbedRequestBody } from './cohere-api.js';

/**
 * Cohere's embedding models (v3 and later) need an input type. Without one from the caller the
 * inputs are taken as documents to index, the common case for a batch of texts; callers embedding
 * for classification or clustering set `input_type` through providerOptions.
 */
const INPUT_TYPES: Readonly<Record<NonNullable<EmbedRequest['inputType']>, CohereEmbedInputType>> = {
  query: 'search_query',
  document: 'search_document',
};

/** The `POST /v2/embed` body: float vectors only; providerOptions merged last. */
export function buildCohereEmbedRequest(request: EmbedRequest): CohereEmbedRequestBody {
  return {
    model: request.model,
    texts: request.inputs,
    input_type: INPUT_TYPES[request.inputType ?? 'document'],
    embedding_types: ['float'],
    ...(request.dimensions !== undefined ? { output_dimension: request.dimensions } : {}),
    ...request.providerOptions,
  };
}

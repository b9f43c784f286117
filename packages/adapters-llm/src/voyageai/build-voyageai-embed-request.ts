import type { EmbedRequest } from '@integration-api/core';
import type { VoyageaiEmbedRequestBody } from './voyageai-api.js';

/**
 * The `POST /embeddings` body. Without an input type Voyage embeds the text as is (no retrieval
 * prompt). `truncation` keeps Voyage's default (true: over-long inputs are cut, not refused)
 * unless providerOptions set it; providerOptions are merged last.
 */
export function buildVoyageaiEmbedRequest(request: EmbedRequest): VoyageaiEmbedRequestBody {
  return {
    input: request.inputs,
    model: request.model,
    ...(request.inputType ? { input_type: request.inputType } : {}),
    ...(request.dimensions !== undefined ? { output_dimension: request.dimensions } : {}),
    output_dtype: 'float',
    ...request.providerOptions,
  };
}

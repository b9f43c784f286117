import type { EmbedRequest } from '@integration-api/core';
import type { HuggingfaceFeatureExtractionRequest } from './huggingface-api.js';

/** TEI refuses more inputs per request than its `max_client_batch_size`, 32 by default. */
export const HUGGINGFACE_EMBED_BATCH_SIZE = 32;

/**
 * The feature-extraction bodies for an embedding request, in input order, at most 32 inputs each.
 * The server's defaults apply (normalized vectors, no truncation). `dimensions` has no field here:
 * the answer is checked against it instead. `inputType` has none either, since prompt names differ
 * per model: `providerOptions` (merged last, into every body) can name one, e.g. `{prompt_name: 'query'}`,
 * or set `truncate`, `normalize`.
 */
export function buildHuggingfaceEmbedRequests(request: EmbedRequest): HuggingfaceFeatureExtractionRequest[] {
  const bodies: HuggingfaceFeatureExtractionRequest[] = [];
  for (let i = 0; i < request.inputs.length; i += HUGGINGFACE_EMBED_BATCH_SIZE) {
    bodies.push({
      inputs: request.inputs.slice(i, i + HUGGINGFACE_EMBED_BATCH_SIZE),
      ...request.providerOptions,
    });
  }
  return bodies;
}

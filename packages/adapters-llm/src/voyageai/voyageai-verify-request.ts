import type { VoyageaiEmbedRequestBody } from './voyageai-api.js';

/**
 * Voyage has no key-check endpoint; the cheapest authenticated call is embedding one short text
 * with the cheapest current model (voyage-4-lite, "optimized for latency and cost"). A 401 means
 * the key is refused.
 */
export const VOYAGEAI_VERIFY_MODEL = 'voyage-4-lite';

export function buildVoyageaiVerifyRequest(): VoyageaiEmbedRequestBody {
  return { input: ['ping'], model: VOYAGEAI_VERIFY_MODEL, output_dtype: 'float' };
}

import type { EmbedRequest } from '@integration-api/core';
import type { OpenAICompatibleDialect } from './openai-compatible-dialect.js';

/**
 * Our embedding request as an `/embeddings` body: every input in one call, vectors as floats
 * (not base64), the requested length in the dialect's field; `providerOptions` merged last.
 * `inputType` has no field here: these models embed queries and documents alike.
 */
export function buildOpenAICompatibleEmbeddingBody(
  request: EmbedRequest,
  dialect: OpenAICompatibleDialect,
  model: string,
): Record<string, unknown> {
  return {
    model,
    input: [...request.inputs],
    encoding_format: 'float',
    ...(request.dimensions !== undefined ? { [dialect.dimensionsField]: request.dimensions } : {}),
    ...request.providerOptions,
  };
}

import type { EmbedRequest } from '@integration-api/core';
import { mergeProviderOptions } from '../google-shared/merge-provider-options.js';

/** Instances per `:predict` call for Google's text embedding models. */
export const VERTEX_EMBED_BATCH_SIZE = 250;

export interface VertexEmbedRequest {
  readonly instances: readonly { readonly content: string; readonly task_type?: string }[];
  readonly parameters?: { readonly outputDimensionality?: number; readonly [key: string]: unknown };
  readonly [key: string]: unknown;
}

/**
 * The `:predict` bodies for an embedding request, in input order: `instances[{content,
 * task_type}]` (query → RETRIEVAL_QUERY, document → RETRIEVAL_DOCUMENT) and
 * `parameters.outputDimensionality`. Text embedding models take up to 250 instances per call;
 * the gemini-embedding models take one. `providerOptions` merge into each body (e.g.
 * `{parameters:{autoTruncate:false}}`).
 */
export function buildVertexEmbedRequests(request: EmbedRequest): VertexEmbedRequest[] {
  const taskType =
    request.inputType === 'query'
      ? 'RETRIEVAL_QUERY'
      : request.inputType === 'document'
        ? 'RETRIEVAL_DOCUMENT'
        : undefined;
  const instances = request.inputs.map((content) => ({
    content,
    ...(taskType ? { task_type: taskType } : {}),
  }));
  const size = /^gemini-embedding/.test(request.model) ? 1 : VERTEX_EMBED_BATCH_SIZE;
  const bodies: VertexEmbedRequest[] = [];
  for (let i = 0; i < instances.length; i += size) {
    const body: VertexEmbedRequest = {
      instances: instances.slice(i, i + size),
      ...(request.dimensions !== undefined
        ? { parameters: { outputDimensionality: request.dimensions } }
        : {}),
    };
    bodies.push(mergeProviderOptions(body, request.providerOptions));
  }
  return bodies;
}

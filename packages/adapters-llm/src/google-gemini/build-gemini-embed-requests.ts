import type { EmbedRequest } from '@integration-api/core';
import { geminiModelName } from './google-gemini-config.js';

/** `batchEmbedContents` takes at most 100 requests per call. */
export const GEMINI_EMBED_BATCH_SIZE = 100;

export interface GeminiEmbedContentRequest {
  readonly model: string;
  readonly content: { readonly parts: readonly { readonly text: string }[] };
  readonly taskType?: 'RETRIEVAL_QUERY' | 'RETRIEVAL_DOCUMENT';
  readonly outputDimensionality?: number;
  readonly [key: string]: unknown;
}

export interface GeminiBatchEmbedRequest {
  readonly requests: readonly GeminiEmbedContentRequest[];
}

/**
 * The `batchEmbedContents` bodies for an embedding request, in input order, 100 inputs per body
 * (the API's limit): one entry per input with the model's resource name, the text, the task type
 * for retrieval (query → RETRIEVAL_QUERY, document → RETRIEVAL_DOCUMENT) and the requested
 * dimensions. `providerOptions` apply to every entry (e.g. `{taskType: 'SEMANTIC_SIMILARITY'}`,
 * `{title: '…'}`), overriding ours.
 */
export function buildGeminiEmbedRequests(request: EmbedRequest): GeminiBatchEmbedRequest[] {
  const model = geminiModelName(request.model);
  const entries = request.inputs.map((text): GeminiEmbedContentRequest => ({
    model,
    content: { parts: [{ text }] },
    ...(request.inputType === 'query' ? { taskType: 'RETRIEVAL_QUERY' } : {}),
    ...(request.inputType === 'document' ? { taskType: 'RETRIEVAL_DOCUMENT' } : {}),
    ...(request.dimensions !== undefined ? { outputDimensionality: request.dimensions } : {}),
    ...request.providerOptions,
  }));
  const batches: GeminiBatchEmbedRequest[] = [];
  for (let i = 0; i < entries.length; i += GEMINI_EMBED_BATCH_SIZE) {
    batches.push({ requests: entries.slice(i, i + GEMINI_EMBED_BATCH_SIZE) });
  }
  return batches;
}

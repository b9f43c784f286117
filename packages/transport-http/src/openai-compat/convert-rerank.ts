import { randomUUID } from 'node:crypto';
import type { RerankRequest, RerankResult } from '@integration-api/core';
import type { RerankBody } from './openai-schemas.js';
import { withoutUndefined } from '@integration-api/core';

export interface RerankResponse {
  readonly id: string;
  readonly model: string;
  /** Best first. */
  readonly results: ReadonlyArray<{
    readonly index: number;
    readonly relevance_score: number;
    readonly document?: { readonly text: string };
  }>;
  /** Only what the provider counted. */
  readonly usage: { readonly total_tokens?: number; readonly search_units?: number };
}

/** The texts of a Cohere-style `documents`: strings, or objects with `text`. */
export function documentTexts(body: RerankBody): string[] {
  return body.documents.map((document) => (typeof document === 'string' ? document : document.text));
}

/** A Cohere-style rerank request → core's, for the provider model `model`. */
export function toRerankRequest(body: RerankBody, model: string): RerankRequest {
  return withoutUndefined<RerankRequest>({
    model,
    query: body.query,
    documents: documentTexts(body),
    topN: body.top_n ?? undefined,
    providerOptions: body.provider_options ?? undefined,
  });
}

export function toRerankResponse(
  result: RerankResult,
  model: string,
  documents: readonly string[] | undefined,
): RerankResponse {
  const { inputTokens, searchUnits } = result.usage;
  return {
    id: randomUUID(),
    model,
    results: result.results.map(({ index, relevanceScore }) => {
      const text = documents?.[index];
      return {
        index,
        relevance_score: relevanceScore,
        ...(text !== undefined ? { document: { text } } : {}),
      };
    }),
    usage: withoutUndefined({ total_tokens: inputTokens, search_units: searchUnits }),
  };
}

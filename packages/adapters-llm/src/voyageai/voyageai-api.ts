/**
 * Voyage AI wire types (https://docs.voyageai.com/reference/embeddings-api, /rerank-api), limited
 * to the fields the adapter writes or reads. Response fields are optional: they are checked.
 */

export interface VoyageaiEmbedRequestBody {
  readonly input: readonly string[];
  readonly model: string;
  readonly input_type?: 'query' | 'document';
  readonly output_dimension?: number;
  readonly output_dtype: 'float';
  /** providerOptions land here (`truncation`, `encoding_format`…), merged last. */
  readonly [extra: string]: unknown;
}

export interface VoyageaiEmbedResponse {
  readonly object?: string;
  readonly data?: readonly { readonly embedding?: unknown; readonly index?: number }[];
  readonly model?: string;
  readonly usage?: { readonly total_tokens?: number };
}

export interface VoyageaiRerankRequestBody {
  readonly query: string;
  readonly documents: readonly string[];
  readonly model: string;
  readonly top_k?: number;
  readonly return_documents: false;
  readonly [extra: string]: unknown;
}

export interface VoyageaiRerankResponse {
  readonly object?: string;
  readonly data?: readonly { readonly index?: number; readonly relevance_score?: number }[];
  readonly model?: string;
  readonly usage?: { readonly total_tokens?: number };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

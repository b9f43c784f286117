import type { Usage } from './chat.js';

export type EmbeddingInputType = 'query' | 'document';

export interface EmbedRequest {
  readonly model: string;
  readonly inputs: readonly string[];
  /** Requested vector length, for models that can shorten their output. */
  readonly dimensions?: number;
  /** Retrieval models embed queries and documents differently. */
  readonly inputType?: EmbeddingInputType;
  readonly providerOptions?: Readonly<Record<string, unknown>>;
}

export interface ProviderEmbedResult {
  /** One vector per input, in input order. */
  readonly embeddings: readonly (readonly number[])[];
  readonly usage: Usage;
  readonly model?: string;
  readonly providerRequestId?: string;
}

export interface EmbedResult extends ProviderEmbedResult {
  readonly metrics: { readonly latencyMs: number };
}

export interface RerankRequest {
  readonly model: string;
  readonly query: string;
  readonly documents: readonly string[];
  /** Return only the best n; default all. */
  readonly topN?: number;
  readonly providerOptions?: Readonly<Record<string, unknown>>;
}

export interface RerankItem {
  /** Position of the document in the request. */
  readonly index: number;
  readonly relevanceScore: number;
}

export interface ProviderRerankResult {
  /** Best first. */
  readonly results: readonly RerankItem[];
  readonly usage: { readonly searchUnits?: number; readonly inputTokens?: number };
  readonly model?: string;
  readonly providerRequestId?: string;
}

export interface RerankResult extends ProviderRerankResult {
  readonly metrics: { readonly latencyMs: number };
}

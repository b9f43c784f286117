/**
 * Wire types of the Hugging Face endpoints that are not chat completions (those are the
 * OpenAI-compatible core's). Used for building requests and, loosely, for parsing.
 */

/**
 * A feature-extraction body, the same for the router's hf-inference pipeline and for Text
 * Embeddings Inference's `/embed` (its spec is generated from TEI's).
 */
export interface HuggingfaceFeatureExtractionRequest {
  readonly inputs: readonly string[];
  /** Default true: unit-length vectors. */
  readonly normalize?: boolean;
  /** A key of the model's sentence-transformers `prompts` (e.g. `query`), prepended to each input. */
  readonly prompt_name?: string;
  /** Default false: an input longer than the model's limit is refused rather than cut. */
  readonly truncate?: boolean;
  readonly truncation_direction?: 'left' | 'right';
  readonly [key: string]: unknown;
}

/**
 * Its answer: one vector per input. A model without pooling answers one vector per token of each
 * input (`number[][][]`); a single string input gets a bare `number[]`.
 */
export type HuggingfaceFeatureExtractionResponse = number[] | number[][] | number[][][];

/** The Hub's, the router's and TEI's error body. */
export interface HuggingfaceErrorBody {
  readonly error: string;
  /** TEI and TGI: `validation`, `tokenizer`, `backend`, `overloaded`, `generation`... */
  readonly error_type?: string;
  /** hf-inference while a model loads (503). */
  readonly estimated_time?: number;
}

/** The response headers TEI (and hf-inference) sends with an answer: `x-compute-tokens` counts the input tokens. */
export const COMPUTE_TOKENS_HEADER = 'x-compute-tokens';

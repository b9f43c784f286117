import { InvalidArgumentError, ProviderError, type EmbedRequest } from '@integration-api/core';
import type {
  AwsBedrockCohereEmbedRequest,
  AwsBedrockCohereEmbedResponse,
  AwsBedrockTitanEmbedRequest,
  AwsBedrockTitanEmbedResponse,
} from './aws-bedrock-api.js';
import { AWS_BEDROCK_PROVIDER } from './aws-bedrock-error.js';

/**
 * The embedding models reachable through InvokeModel, each with its own body: Amazon Titan Text
 * Embeddings takes one text per call, Cohere Embed up to 96.
 */
export type AwsBedrockEmbeddingFamily = 'titan' | 'cohere';

/** Cohere Embed on Bedrock takes at most this many texts in one call. */
export const COHERE_EMBED_BATCH_SIZE = 96;

/**
 * The family of a model id, an inference profile id (`us.cohere.embed-v4:0`) or an ARN ending in
 * one. An opaque application-profile ARN names no family and is refused.
 */
export function awsBedrockEmbeddingFamily(modelId: string): AwsBedrockEmbeddingFamily {
  const name = (modelId.split('/').pop() ?? '').replace(/^(?:us|eu|apac|global|us-gov|ca|jp|au)\./, '');
  if (name.startsWith('amazon.titan-embed')) return 'titan';
  if (name.startsWith('cohere.embed')) return 'cohere';
  throw new InvalidArgumentError(
    'model',
    'names no embedding model the Bedrock adapter can call (amazon.titan-embed-*, cohere.embed-*)',
  );
}

/**
 * One Titan call: `dimensions` only when asked (v2 alone takes it), no input type (Titan has
 * none); providerOptions merged last (`normalize`, `embeddingTypes`...).
 */
export function buildTitanEmbedRequest(text: string, request: EmbedRequest): AwsBedrockTitanEmbedRequest {
  return {
    inputText: text,
    ...(request.dimensions !== undefined ? { dimensions: request.dimensions } : {}),
    ...request.providerOptions,
  };
}

export function parseTitanEmbedResponse(body: unknown): { embedding: number[]; inputTokens?: number } {
  const response = body as AwsBedrockTitanEmbedResponse | null;
  const embedding = response?.embedding;
  if (!isVector(embedding)) throw noEmbeddings();
  const tokens = response?.inputTextTokenCount;
  return { embedding: [...embedding], ...(typeof tokens === 'number' ? { inputTokens: tokens } : {}) };
}

/**
 * One Cohere call: queries and documents are embedded differently (`search_query` /
 * `search_document`, the default for text to be stored); `dimensions` is Embed v4's
 * `output_dimension`; providerOptions merged last (`truncate`, `embedding_types`...).
 */
export function buildCohereEmbedRequest(
  texts: readonly string[],
  request: EmbedRequest,
): AwsBedrockCohereEmbedRequest {
  return {
    texts,
    input_type: request.inputType === 'query' ? 'search_query' : 'search_document',
    ...(request.dimensions !== undefined ? { output_dimension: request.dimensions } : {}),
    ...request.providerOptions,
  };
}

/** The float vectors of a Cohere answer: a plain list, or the `float` list when types were asked for. */
export function parseCohereEmbedResponse(body: unknown, expectedCount: number): number[][] {
  const embeddings = (body as AwsBedrockCohereEmbedResponse | null)?.embeddings;
  const vectors = isVectorList(embeddings) ? embeddings : embeddings?.float;
  if (!Array.isArray(vectors) || !vectors.every(isVector)) throw noEmbeddings();
  if (vectors.length !== expectedCount) {
    throw new ProviderError(
      'error',
      AWS_BEDROCK_PROVIDER,
      `the answer holds ${vectors.length} embeddings for ${expectedCount} texts`,
    );
  }
  return vectors.map((vector) => [...vector]);
}

function isVectorList(value: unknown): value is readonly (readonly number[])[] {
  return Array.isArray(value);
}

function isVector(value: unknown): value is readonly number[] {
  return Array.isArray(value) && value.every((n) => typeof n === 'number');
}

function noEmbeddings(): ProviderError {
  return new ProviderError('error', AWS_BEDROCK_PROVIDER, 'the answer holds no float embeddings');
}

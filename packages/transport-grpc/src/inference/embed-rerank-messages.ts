import {
  InvalidArgumentError,
  withoutUndefined,
  type EmbeddingInputType,
  type EmbedRequest,
  type EmbedResult,
  type RerankRequest,
  type RerankResult,
} from '@integration-api/core';
import * as pb from '../generated/integration/v1/inference.js';
import { toUsageMessage } from './chat-response-message.js';
import { optionalJsonObject } from './json-object.js';

/* integration.v1 Embed and Rerank messages ↔ core's requests and results. Core checks the values. */

const INPUT_TYPE: Readonly<Record<number, EmbeddingInputType>> = {
  [pb.EmbeddingInputType.EMBEDDING_INPUT_TYPE_QUERY]: 'query',
  [pb.EmbeddingInputType.EMBEDDING_INPUT_TYPE_DOCUMENT]: 'document',
};

export function embedRequestFromMessage(message: pb.EmbedRequest): EmbedRequest {
  return withoutUndefined<EmbedRequest>({
    model: message.model,
    inputs: [...message.inputs],
    dimensions: message.dimensions,
    inputType: inputTypeFrom(message.inputType),
    providerOptions: optionalJsonObject(message.providerOptions, 'providerOptions'),
  });
}

export function toEmbedResponse(result: EmbedResult): pb.EmbedResponse {
  return {
    embeddings: result.embeddings.map((vector) => ({ values: [...vector] })),
    usage: toUsageMessage(result.usage),
    model: result.model ?? '',
    providerRequestId: result.providerRequestId ?? '',
    metrics: { latencyMs: result.metrics.latencyMs },
  };
}

export function rerankRequestFromMessage(message: pb.RerankRequest): RerankRequest {
  return withoutUndefined<RerankRequest>({
    model: message.model,
    query: message.query,
    documents: [...message.documents],
    topN: message.topN,
    providerOptions: optionalJsonObject(message.providerOptions, 'providerOptions'),
  });
}

export function toRerankResponse(result: RerankResult): pb.RerankResponse {
  return {
    results: result.results.map(({ index, relevanceScore }) => ({ index, relevanceScore })),
    usage: withoutUndefined<pb.RerankUsage>({
      searchUnits: result.usage.searchUnits,
      inputTokens: result.usage.inputTokens,
    }),
    model: result.model ?? '',
    providerRequestId: result.providerRequestId ?? '',
    metrics: { latencyMs: result.metrics.latencyMs },
  };
}

function inputTypeFrom(type: pb.EmbeddingInputType): EmbeddingInputType | undefined {
  if (type === pb.EmbeddingInputType.EMBEDDING_INPUT_TYPE_UNSPECIFIED) return undefined;
  const known = INPUT_TYPE[type];
  if (!known) throw new InvalidArgumentError('inputType', 'must be QUERY or DOCUMENT');
  return known;
}

import { ProviderError, type RerankItem, type RerankRequest } from '@integration-api/core';
import type { AwsBedrockRerankRequest, AwsBedrockRerankResponse } from './aws-bedrock-api.js';
import { AWS_BEDROCK_PROVIDER } from './aws-bedrock-error.js';

/**
 * The agent runtime's `POST /rerank` body: one text query, the documents inline, and the model as
 * a foundation-model ARN of the region (an ARN given as the model is used as it is). All results
 * are asked for unless `topN` says otherwise. providerOptions are merged last, at the top.
 */
export function buildAwsBedrockRerankRequest(
  request: RerankRequest,
  region: string,
): AwsBedrockRerankRequest {
  return {
    queries: [{ type: 'TEXT', textQuery: { text: request.query } }],
    sources: request.documents.map((text) => ({
      type: 'INLINE',
      inlineDocumentSource: { type: 'TEXT', textDocument: { text } },
    })),
    rerankingConfiguration: {
      type: 'BEDROCK_RERANKING_MODEL',
      bedrockRerankingConfiguration: {
        numberOfResults: Math.min(request.topN ?? request.documents.length, request.documents.length),
        modelConfiguration: { modelArn: rerankModelArn(request.model, region) },
      },
    },
    ...request.providerOptions,
  };
}

/** `arn:{partition}:bedrock:{region}::foundation-model/{model}`, the form Rerank wants. */
export function rerankModelArn(model: string, region: string): string {
  if (model.startsWith('arn:')) return model;
  const partition = region.startsWith('cn-') ? 'aws-cn' : region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws';
  return `arn:${partition}:bedrock:${region}::foundation-model/${model}`;
}

/** The results, best first, each naming its document by position in the request. */
export function parseAwsBedrockRerankResponse(body: unknown, documentCount: number): RerankItem[] {
  const results = (body as AwsBedrockRerankResponse | null)?.results;
  if (!Array.isArray(results)) {
    throw new ProviderError('error', AWS_BEDROCK_PROVIDER, 'the rerank answer has no results');
  }
  const items = results.map((result) => {
    const { index, relevanceScore } = result ?? {};
    if (
      typeof index !== 'number' ||
      !Number.isInteger(index) ||
      index < 0 ||
      index >= documentCount ||
      typeof relevanceScore !== 'number'
    ) {
      throw new ProviderError('error', AWS_BEDROCK_PROVIDER, 'the rerank answer holds a malformed result');
    }
    return { index, relevanceScore };
  });
  return items.sort((a, b) => b.relevanceScore - a.relevanceScore);
}

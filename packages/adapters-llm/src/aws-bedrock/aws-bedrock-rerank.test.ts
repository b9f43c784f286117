import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ProviderError } from '@integration-api/core';
import {
  buildAwsBedrockRerankRequest,
  parseAwsBedrockRerankResponse,
  rerankModelArn,
} from './aws-bedrock-rerank.js';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(join(__dirname, '__fixtures__', name), 'utf8')) as unknown;

describe('buildAwsBedrockRerankRequest', () => {
  it('sends the query, the documents inline and the model as a foundation-model ARN', () => {
    expect(
      buildAwsBedrockRerankRequest(
        {
          model: 'cohere.rerank-v3-5:0',
          query: 'rainy day',
          documents: ['sunny', 'storm', 'drizzle'],
          topN: 2,
        },
        'us-west-2',
      ),
    ).toEqual({
      queries: [{ type: 'TEXT', textQuery: { text: 'rainy day' } }],
      sources: [
        { type: 'INLINE', inlineDocumentSource: { type: 'TEXT', textDocument: { text: 'sunny' } } },
        { type: 'INLINE', inlineDocumentSource: { type: 'TEXT', textDocument: { text: 'storm' } } },
        { type: 'INLINE', inlineDocumentSource: { type: 'TEXT', textDocument: { text: 'drizzle' } } },
      ],
      rerankingConfiguration: {
        type: 'BEDROCK_RERANKING_MODEL',
        bedrockRerankingConfiguration: {
          numberOfResults: 2,
          modelConfiguration: {
            modelArn: 'arn:aws:bedrock:us-west-2::foundation-model/cohere.rerank-v3-5:0',
          },
        },
      },
    });
  });

  it('asks for every result without topN, and no more than there are documents', () => {
    const config = (topN?: number) =>
      buildAwsBedrockRerankRequest(
        { model: 'amazon.rerank-v1:0', query: 'q', documents: ['a', 'b'], topN },
        'us-west-2',
      ).rerankingConfiguration.bedrockRerankingConfiguration.numberOfResults;
    expect(config()).toBe(2);
    expect(config(10)).toBe(2);
  });
});

describe('rerankModelArn', () => {
  it('uses the partition of the region and keeps a given ARN', () => {
    expect(rerankModelArn('amazon.rerank-v1:0', 'cn-north-1')).toBe(
      'arn:aws-cn:bedrock:cn-north-1::foundation-model/amazon.rerank-v1:0',
    );
    expect(rerankModelArn('m', 'us-gov-west-1')).toBe(
      'arn:aws-us-gov:bedrock:us-gov-west-1::foundation-model/m',
    );
    const arn = 'arn:aws:bedrock:eu-central-1::foundation-model/cohere.rerank-v3-5:0';
    expect(rerankModelArn(arn, 'us-east-1')).toBe(arn);
  });
});

describe('parseAwsBedrockRerankResponse', () => {
  it('reads the results best first', () => {
    expect(parseAwsBedrockRerankResponse(fixture('aws-bedrock-reranking.json'), 3)).toEqual([
      { index: 2, relevanceScore: 0.8731027245521545 },
      { index: 0, relevanceScore: 0.2140851765871048 },
    ]);
    expect(
      parseAwsBedrockRerankResponse(
        {
          results: [
            { index: 0, relevanceScore: 0.1 },
            { index: 1, relevanceScore: 0.9 },
          ],
        },
        2,
      ),
    ).toEqual([
      { index: 1, relevanceScore: 0.9 },
      { index: 0, relevanceScore: 0.1 },
    ]);
  });

  it('refuses results that name no document of the request', () => {
    expect(() => parseAwsBedrockRerankResponse({ results: [{ index: 5, relevanceScore: 0.3 }] }, 3)).toThrow(
      ProviderError,
    );
    expect(() => parseAwsBedrockRerankResponse({}, 3)).toThrow('the rerank answer has no results');
  });
});

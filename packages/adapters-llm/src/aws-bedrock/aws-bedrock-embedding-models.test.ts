import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidArgumentError, ProviderError } from '@integration-api/core';
import {
  awsBedrockEmbeddingFamily,
  buildCohereEmbedRequest,
  buildTitanEmbedRequest,
  parseCohereEmbedResponse,
  parseTitanEmbedResponse,
} from './aws-bedrock-embedding-models.js';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(join(__dirname, '__fixtures__', name), 'utf8')) as unknown;

describe('awsBedrockEmbeddingFamily', () => {
  it.each([
    ['amazon.titan-embed-text-v2:0', 'titan'],
    ['amazon.titan-embed-text-v1', 'titan'],
    ['cohere.embed-english-v3', 'cohere'],
    ['cohere.embed-multilingual-v3', 'cohere'],
    ['us.cohere.embed-v4:0', 'cohere'],
    ['arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-embed-text-v2:0', 'titan'],
  ])('reads %s as %s', (model, family) => {
    expect(awsBedrockEmbeddingFamily(model)).toBe(family);
  });

  it('refuses a model it cannot call', () => {
    expect(() => awsBedrockEmbeddingFamily('anthropic.claude-3-haiku-20240307-v1:0')).toThrow(
      InvalidArgumentError,
    );
    expect(() =>
      awsBedrockEmbeddingFamily('arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc'),
    ).toThrow('model: names no embedding model the Bedrock adapter can call');
  });
});

describe('Titan embeddings', () => {
  it('builds one body per text, with the dimensions only when asked', () => {
    expect(buildTitanEmbedRequest('hello', { model: 'm', inputs: ['hello'] })).toEqual({
      inputText: 'hello',
    });
    expect(
      buildTitanEmbedRequest('hello', {
        model: 'm',
        inputs: ['hello'],
        dimensions: 256,
        inputType: 'query',
        providerOptions: { normalize: false },
      }),
    ).toEqual({ inputText: 'hello', dimensions: 256, normalize: false });
  });

  it('reads the vector and the token count', () => {
    expect(parseTitanEmbedResponse(fixture('aws-bedrock-titan-embedding.json'))).toEqual({
      embedding: [0.0184, -0.0412, 0.0967, 0.0023, -0.0715],
      inputTokens: 6,
    });
  });

  it('refuses an answer without a vector', () => {
    expect(() => parseTitanEmbedResponse({ inputTextTokenCount: 3 })).toThrow(ProviderError);
  });
});

describe('Cohere embeddings', () => {
  it('embeds queries and documents with their input types', () => {
    expect(buildCohereEmbedRequest(['q'], { model: 'm', inputs: ['q'], inputType: 'query' })).toEqual({
      texts: ['q'],
      input_type: 'search_query',
    });
    expect(buildCohereEmbedRequest(['d'], { model: 'm', inputs: ['d'], dimensions: 512 })).toEqual({
      texts: ['d'],
      input_type: 'search_document',
      output_dimension: 512,
    });
  });

  it('reads plain vectors and the float vectors of typed answers', () => {
    expect(parseCohereEmbedResponse(fixture('aws-bedrock-cohere-embedding.json'), 2)).toEqual([
      [0.0213, -0.0331, 0.0518, 0.0102, -0.0087],
      [-0.0145, 0.0276, 0.0391, -0.0063, 0.0222],
    ]);
    expect(
      parseCohereEmbedResponse({ embeddings: { float: [[1, 2]] }, response_type: 'embeddings_by_type' }, 1),
    ).toEqual([[1, 2]]);
  });

  it('refuses an answer without float vectors or with a wrong count', () => {
    expect(() => parseCohereEmbedResponse({ embeddings: { int8: [[1]] } }, 1)).toThrow(
      'aws-bedrock: the answer holds no float embeddings',
    );
    expect(() => parseCohereEmbedResponse({ embeddings: [[1]] }, 2)).toThrow(
      'the answer holds 1 embeddings for 2 texts',
    );
  });
});

import { InvalidArgumentError } from '@integration-api/core';
import {
  huggingfaceBaseUrl,
  huggingfaceEmbeddingsUrl,
  huggingfaceHeaders,
  huggingfaceHubUrl,
} from './huggingface-request-config.js';

describe('Hugging Face request config', () => {
  it('defaults to the Inference Providers router and the public Hub', () => {
    expect(huggingfaceBaseUrl({})).toBe('https://router.huggingface.co/v1');
    expect(huggingfaceHubUrl({})).toBe('https://huggingface.co');
    expect(huggingfaceHubUrl({ hubUrl: 'https://hub.internal.example' })).toBe(
      'https://hub.internal.example',
    );
  });

  it('sends the token as a bearer token and requires it', () => {
    expect(huggingfaceHeaders({ apiKey: 'hf_abc' })).toEqual({ authorization: 'Bearer hf_abc' });
    expect(() => huggingfaceHeaders({})).toThrow(InvalidArgumentError);
  });

  describe('embeddings URL', () => {
    it("runs the model's hf-inference feature-extraction pipeline on the router by default", () => {
      expect(huggingfaceEmbeddingsUrl({}, 'intfloat/multilingual-e5-large')).toBe(
        'https://router.huggingface.co/hf-inference/models/intfloat/multilingual-e5-large/pipeline/feature-extraction',
      );
    });

    it('derives the router root from the baseUrl without its /v1, keeping a proxy prefix', () => {
      expect(huggingfaceEmbeddingsUrl({ baseUrl: 'https://gateway.example/hf/v1/' }, 'BAAI/bge-m3')).toBe(
        'https://gateway.example/hf/hf-inference/models/BAAI/bge-m3/pipeline/feature-extraction',
      );
    });

    it("uses a dedicated endpoint's embeddingsUrl as it is, whatever the model", () => {
      const config = {
        baseUrl: 'https://chat-abc.endpoints.huggingface.cloud/v1',
        embeddingsUrl: 'https://tei-xyz.endpoints.huggingface.cloud/embed',
      };
      expect(huggingfaceEmbeddingsUrl(config, 'BAAI/bge-m3')).toBe(
        'https://tei-xyz.endpoints.huggingface.cloud/embed',
      );
    });

    it('drops an :hf-inference suffix and refuses any other provider', () => {
      expect(huggingfaceEmbeddingsUrl({}, 'BAAI/bge-m3:hf-inference')).toBe(
        'https://router.huggingface.co/hf-inference/models/BAAI/bge-m3/pipeline/feature-extraction',
      );
      expect(() => huggingfaceEmbeddingsUrl({}, 'BAAI/bge-m3:nebius')).toThrow(InvalidArgumentError);
    });

    it('refuses a model id that would leave the models path', () => {
      for (const model of ['', '../admin', 'a//b', 'a/./b', 'owner/']) {
        expect(() => huggingfaceEmbeddingsUrl({}, model)).toThrow(InvalidArgumentError);
      }
      expect(huggingfaceEmbeddingsUrl({}, 'a/b?c#d')).toBe(
        'https://router.huggingface.co/hf-inference/models/a/b%3Fc%23d/pipeline/feature-extraction',
      );
    });
  });
});

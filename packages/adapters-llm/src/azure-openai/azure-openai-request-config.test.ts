import { InvalidArgumentError } from '@integration-api/core';
import {
  azureOpenAIDeployment,
  azureOpenAIHeaders,
  azureOpenAIModelsUrl,
  azureOpenAIUrl,
} from './azure-openai-request-config.js';

const endpoint = 'https://contoso.openai.azure.com';

describe('Azure OpenAI request config', () => {
  it('uses the deployment-scoped API when an api-version is set', () => {
    expect(azureOpenAIUrl({ endpoint, apiVersion: '2024-10-21' }, 'chat/completions', 'gpt-4o-prod')).toBe(
      'https://contoso.openai.azure.com/openai/deployments/gpt-4o-prod/chat/completions?api-version=2024-10-21',
    );
    expect(azureOpenAIUrl({ endpoint, apiVersion: '2024-10-21' }, 'embeddings', 'emb')).toBe(
      'https://contoso.openai.azure.com/openai/deployments/emb/embeddings?api-version=2024-10-21',
    );
  });

  it('uses the v1 API when no api-version is set', () => {
    expect(azureOpenAIUrl({ endpoint }, 'chat/completions', 'gpt-4o-prod')).toBe(
      'https://contoso.openai.azure.com/openai/v1/chat/completions',
    );
  });

  it('accepts an endpoint pasted with a trailing slash or API path', () => {
    for (const pasted of [`${endpoint}/`, `${endpoint}/openai`, `${endpoint}/openai/v1/`]) {
      expect(azureOpenAIUrl({ endpoint: pasted }, 'embeddings', 'x')).toBe(
        `${endpoint}/openai/v1/embeddings`,
      );
    }
  });

  it('encodes the deployment and api-version', () => {
    expect(azureOpenAIUrl({ endpoint, apiVersion: '2025-04-01-preview' }, 'chat/completions', 'a b/c')).toBe(
      `${endpoint}/openai/deployments/a%20b%2Fc/chat/completions?api-version=2025-04-01-preview`,
    );
  });

  it("takes the credential's deployment over the request's model", () => {
    expect(azureOpenAIDeployment({ endpoint, deployment: 'fixed' }, 'chat/completions', 'gpt-4o')).toBe(
      'fixed',
    );
    expect(azureOpenAIDeployment({ endpoint, deployment: 'fixed' }, 'embeddings', 'ada')).toBe('fixed');
    expect(azureOpenAIDeployment({ endpoint }, 'chat/completions', 'gpt-4o')).toBe('gpt-4o');
  });

  it('sends embeddings to their own deployment when the credential names one', () => {
    const config = { endpoint, deployment: 'chat-prod', embeddingsDeployment: 'embed-prod' };
    expect(azureOpenAIDeployment(config, 'embeddings', 'text-embedding-3-small')).toBe('embed-prod');
    expect(azureOpenAIDeployment(config, 'chat/completions', 'gpt-4o')).toBe('chat-prod');
    expect(
      azureOpenAIDeployment({ endpoint, embeddingsDeployment: 'embed-prod' }, 'chat/completions', 'gpt-4o'),
    ).toBe('gpt-4o');
  });

  it('lists models in either API style', () => {
    expect(azureOpenAIModelsUrl({ endpoint, apiVersion: '2024-10-21' })).toBe(
      `${endpoint}/openai/models?api-version=2024-10-21`,
    );
    expect(azureOpenAIModelsUrl({ endpoint })).toBe(`${endpoint}/openai/v1/models`);
  });

  it('sends the key as api-key, and refuses a credential without endpoint or key', () => {
    expect(azureOpenAIHeaders({ apiKey: 'k' })).toEqual({ 'api-key': 'k' });
    expect(() => azureOpenAIHeaders({})).toThrow(InvalidArgumentError);
    expect(() => azureOpenAIUrl({}, 'embeddings', 'x')).toThrow(InvalidArgumentError);
  });
});

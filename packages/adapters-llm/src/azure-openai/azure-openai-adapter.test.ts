import {
  openAICompatibleContractFixture,
  openAIErrorBody,
  runAdapterContract,
  type OpenAICompatibleContractOptions,
} from '../testing/index.js';
import { createAzureOpenAIAdapter } from './azure-openai-adapter.js';

const API_KEY = '4f1c2d3e5a6b7c8d9e0f1a2b3c4d5e6f';

const common = {
  provider: 'azure-openai',
  style: 'azure',
  createAdapter: (clients) => createAzureOpenAIAdapter({ clients, timeoutMs: 500 }),
  headers: { 'api-key': API_KEY },
  absentHeaders: ['authorization'],
  requiredToolChoice: 'required',
  streamUsageOption: true,
  toolMessageName: false,
  dimensionsField: 'dimensions',
  errorBody: (message) => openAIErrorBody(message),
  midStreamError: {
    payload: (message) => ({
      error: { message, type: 'server_error' },
    }),
    kind: 'unavailable',
  },
  usageFields: ['inputTokens', 'outputTokens', 'totalTokens', 'cachedInputTokens', 'reasoningTokens'],
} satisfies Partial<OpenAICompatibleContractOptions>;

const textBody = (model: string) => ({
  model,
  messages: [
    { role: 'system', content: 'You are terse.' },
    { role: 'user', content: 'Say hello.' },
  ],
  temperature: 0.5,
  max_completion_tokens: 64,
});

// A dated api-version: the deployment-scoped API; the request's model names the deployment.
runAdapterContract(
  openAICompatibleContractFixture({
    ...common,
    name: 'Azure OpenAI (deployments API)',
    // The endpoint is pasted with a trailing slash, as the portal shows it.
    credential: (mock) => ({
      secret: { apiKey: API_KEY },
      config: { endpoint: `${mock.url}/`, apiVersion: '2024-10-21' },
    }),
    paths: {
      chat: '/openai/deployments/contract-model/chat/completions',
      embed: '/openai/deployments/contract-embedding-model/embeddings',
      verify: '/openai/models',
    },
    query: { 'api-version': '2024-10-21' },
    verifyQuery: { 'api-version': '2024-10-21' },
    textBody: textBody('contract-model'),
    chatModel: 'contract-model',
    embeddingModel: 'contract-embedding-model',
  }),
);

// No api-version: the v1 API, with the credential's deployments named as the model (one for
// chat, one for embeddings).
runAdapterContract(
  openAICompatibleContractFixture({
    ...common,
    name: 'Azure OpenAI (v1 API)',
    credential: (mock) => ({
      secret: { apiKey: API_KEY },
      config: { endpoint: mock.url, deployment: 'prod-gpt', embeddingsDeployment: 'prod-embed' },
    }),
    paths: {
      chat: '/openai/v1/chat/completions',
      embed: '/openai/v1/embeddings',
      verify: '/openai/v1/models',
    },
    query: {},
    verifyQuery: {},
    textBody: textBody('prod-gpt'),
    chatModel: 'prod-gpt',
    embeddingModel: 'prod-embed',
  }),
);

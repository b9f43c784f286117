import { mistralErrorBody, openAICompatibleContractFixture, runAdapterContract } from '../testing/index.js';
import { createMistralAdapter } from './mistral-adapter.js';

const API_KEY = 'Zq8bT2mX4kP7vN1cR5wY9hJ3fL6dA0sE';

runAdapterContract(
  openAICompatibleContractFixture({
    name: 'Mistral',
    provider: 'mistral',
    style: 'mistral',
    createAdapter: (clients) => createMistralAdapter({ clients, timeoutMs: 500 }),
    credential: (mock) => ({ secret: { apiKey: API_KEY }, config: { baseUrl: mock.urlFor('/v1') } }),
    paths: { chat: '/v1/chat/completions', embed: '/v1/embeddings', verify: '/v1/models' },
    query: {},
    verifyQuery: {},
    headers: { authorization: `Bearer ${API_KEY}` },
    absentHeaders: ['api-key'],
    textBody: {
      model: 'contract-model',
      messages: [
        { role: 'system', content: 'You are terse.' },
        { role: 'user', content: 'Say hello.' },
      ],
      temperature: 0.5,
      max_tokens: 64,
    },
    chatModel: 'contract-model',
    embeddingModel: 'contract-embedding-model',
    requiredToolChoice: 'any',
    streamUsageOption: false,
    toolMessageName: true,
    dimensionsField: 'output_dimension',
    errorBody: (message) => mistralErrorBody(message),
    midStreamError: {
      payload: (message) => ({
        object: 'error',
        message,
        type: 'internal_server_error',
        code: 500,
      }),
      kind: 'unavailable',
    },
    // Mistral reports cached prompt tokens but no reasoning-token count.
    usageFields: ['inputTokens', 'outputTokens', 'totalTokens', 'cachedInputTokens'],
  }),
);

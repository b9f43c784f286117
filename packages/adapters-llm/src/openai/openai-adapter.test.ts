import { openAICompatibleContractFixture, openAIErrorBody, runAdapterContract } from '../testing/index.js';
import { createOpenAIAdapter } from './openai-adapter.js';

const API_KEY = 'sk-proj-contract0123456789abcdef';

runAdapterContract(
  openAICompatibleContractFixture({
    name: 'OpenAI',
    provider: 'openai',
    style: 'openai',
    createAdapter: (clients) => createOpenAIAdapter({ clients, timeoutMs: 500 }),
    credential: (mock) => ({
      secret: { apiKey: API_KEY },
      config: { baseUrl: mock.urlFor('/v1'), organization: 'org-contract', project: 'proj_contract' },
    }),
    paths: { chat: '/v1/chat/completions', embed: '/v1/embeddings', verify: '/v1/models' },
    query: {},
    verifyQuery: {},
    headers: {
      authorization: `Bearer ${API_KEY}`,
      'openai-organization': 'org-contract',
      'openai-project': 'proj_contract',
    },
    absentHeaders: ['api-key'],
    textBody: {
      model: 'contract-model',
      messages: [
        { role: 'system', content: 'You are terse.' },
        { role: 'user', content: 'Say hello.' },
      ],
      temperature: 0.5,
      max_completion_tokens: 64,
    },
    chatModel: 'contract-model',
    embeddingModel: 'contract-embedding-model',
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
  }),
);

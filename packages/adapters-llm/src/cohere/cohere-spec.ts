import type { ProviderSpec } from '@integration-api/core';
import { baseUrlField, secretField } from '../shared/spec-fields.js';

export const COHERE_DEFAULT_BASE_URL = 'https://api.cohere.com';

export const cohereSpec: ProviderSpec = {
  id: 'cohere',
  displayName: 'Cohere',
  capabilities: {
    chat: true,
    streaming: true,
    tools: true,
    vision: true,
    embeddings: true,
    rerank: true,
    verify: true,
  },
  secretFields: [secretField('apiKey', 'Cohere API key')],
  configFields: [baseUrlField(COHERE_DEFAULT_BASE_URL)],
  hintField: 'apiKey',
};

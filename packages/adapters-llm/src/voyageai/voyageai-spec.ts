import type { ProviderSpec } from '@integration-api/core';
import { baseUrlField, secretField } from '../shared/spec-fields.js';

export const VOYAGEAI_DEFAULT_BASE_URL = 'https://api.voyageai.com/v1';

export const voyageaiSpec: ProviderSpec = {
  id: 'voyageai',
  displayName: 'Voyage AI',
  capabilities: {
    chat: false,
    streaming: false,
    tools: false,
    vision: false,
    embeddings: true,
    rerank: true,
    verify: true,
  },
  secretFields: [secretField('apiKey', 'Voyage AI API key (pa-...)')],
  configFields: [baseUrlField(VOYAGEAI_DEFAULT_BASE_URL)],
  hintField: 'apiKey',
};

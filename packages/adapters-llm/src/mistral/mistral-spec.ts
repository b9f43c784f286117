import type { ProviderSpec } from '@integration-api/core';
import { NO_CAPABILITIES, baseUrlField, secretField } from '../shared/spec-fields.js';

export const MISTRAL_DEFAULT_BASE_URL = 'https://api.mistral.ai/v1';

export const mistralSpec: ProviderSpec = {
  id: 'mistral',
  displayName: 'Mistral AI',
  capabilities: {
    ...NO_CAPABILITIES,
    chat: true,
    streaming: true,
    tools: true,
    vision: true,
    embeddings: true,
    verify: true,
  },
  secretFields: [secretField('apiKey', 'Mistral API key')],
  configFields: [baseUrlField(MISTRAL_DEFAULT_BASE_URL)],
  hintField: 'apiKey',
};

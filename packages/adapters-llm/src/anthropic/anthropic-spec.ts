import type { ProviderSpec } from '@integration-api/core';
import { baseUrlField, secretField } from '../shared/spec-fields.js';

export const ANTHROPIC_DEFAULT_BASE_URL = 'https://api.anthropic.com/v1';

export const anthropicSpec: ProviderSpec = {
  id: 'anthropic',
  displayName: 'Anthropic',
  capabilities: {
    chat: true,
    streaming: true,
    tools: true,
    vision: true,
    embeddings: false,
    rerank: false,
    verify: true,
  },
  secretFields: [secretField('apiKey', 'Anthropic API key (sk-ant-..., sent as x-api-key)')],
  configFields: [baseUrlField(ANTHROPIC_DEFAULT_BASE_URL)],
  hintField: 'apiKey',
};

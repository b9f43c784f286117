import type { ProviderSpec } from '@integration-api/core';
import { NO_CAPABILITIES, baseUrlField, optionalText, secretField } from '../shared/spec-fields.js';

export const OPENAI_DEFAULT_BASE_URL = 'https://api.openai.com/v1';

export const openaiSpec: ProviderSpec = {
  id: 'openai',
  displayName: 'OpenAI',
  capabilities: {
    ...NO_CAPABILITIES,
    chat: true,
    streaming: true,
    tools: true,
    vision: true,
    embeddings: true,
    verify: true,
  },
  secretFields: [secretField('apiKey', 'OpenAI API key (sk-...)')],
  configFields: [
    baseUrlField(OPENAI_DEFAULT_BASE_URL),
    optionalText('organization', 'Organization ID sent as OpenAI-Organization (org-...)'),
    optionalText('project', 'Project ID sent as OpenAI-Project (proj_...)'),
  ],
  hintField: 'apiKey',
};

import type { ProviderSpec } from '@integration-api/core';
import { NO_CAPABILITIES, baseUrlField, secretField } from '../shared/spec-fields.js';

export const ANTHROPIC_DEFAULT_BASE_URL = 'https://api.anthropic.com/v1';

export const anthropicSpec: ProviderSpec = {
  id: 'anthropic',
  displayName: 'Anthropic',
  capabilities: NO_CAPABILITIES,
  secretFields: [secretField('apiKey', 'Anthropic API key (sk-ant-..., sent as x-api-key)')],
  configFields: [baseUrlField(ANTHROPIC_DEFAULT_BASE_URL)],
  hintField: 'apiKey',
};

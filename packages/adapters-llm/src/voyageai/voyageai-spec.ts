import type { ProviderSpec } from '@integration-api/core';
import { NO_CAPABILITIES, baseUrlField, secretField } from '../shared/spec-fields.js';

export const VOYAGEAI_DEFAULT_BASE_URL = 'https://api.voyageai.com/v1';

export const voyageaiSpec: ProviderSpec = {
  id: 'voyageai',
  displayName: 'Voyage AI',
  capabilities: NO_CAPABILITIES,
  secretFields: [secretField('apiKey', 'Voyage AI API key (pa-...)')],
  configFields: [baseUrlField(VOYAGEAI_DEFAULT_BASE_URL)],
  hintField: 'apiKey',
};

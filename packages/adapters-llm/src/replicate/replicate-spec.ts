import type { ProviderSpec } from '@integration-api/core';
import { NO_CAPABILITIES, baseUrlField, secretField } from '../shared/spec-fields.js';

export const REPLICATE_DEFAULT_BASE_URL = 'https://api.replicate.com/v1';

export const replicateSpec: ProviderSpec = {
  id: 'replicate',
  displayName: 'Replicate',
  capabilities: NO_CAPABILITIES,
  secretFields: [secretField('apiToken', 'Replicate API token (r8_...)')],
  configFields: [baseUrlField(REPLICATE_DEFAULT_BASE_URL)],
  hintField: 'apiToken',
};

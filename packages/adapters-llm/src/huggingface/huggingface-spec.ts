import type { ProviderSpec } from '@integration-api/core';
import { NO_CAPABILITIES, baseUrlField, secretField } from '../shared/spec-fields.js';

/** The Inference Providers router (OpenAI-compatible). */
export const HUGGINGFACE_DEFAULT_BASE_URL = 'https://router.huggingface.co/v1';

export const huggingfaceSpec: ProviderSpec = {
  id: 'huggingface',
  displayName: 'Hugging Face',
  capabilities: NO_CAPABILITIES,
  secretFields: [
    secretField('apiKey', 'Hugging Face access token (hf_...) allowed to call Inference Providers'),
  ],
  configFields: [baseUrlField(HUGGINGFACE_DEFAULT_BASE_URL)],
  hintField: 'apiKey',
};

import type { ProviderSpec } from '@integration-api/core';
import { baseUrlField, secretField } from '../shared/spec-fields.js';

export const REPLICATE_DEFAULT_BASE_URL = 'https://api.replicate.com/v1';

export const replicateSpec: ProviderSpec = {
  id: 'replicate',
  displayName: 'Replicate',
  // Text chat only: the common chat models on Replicate take a prompt, not tools or images.
  capabilities: {
    chat: true,
    streaming: true,
    tools: false,
    vision: false,
    embeddings: false,
    rerank: false,
    verify: true,
  },
  secretFields: [secretField('apiToken', 'Replicate API token (r8_...)')],
  configFields: [baseUrlField(REPLICATE_DEFAULT_BASE_URL)],
  hintField: 'apiToken',
};

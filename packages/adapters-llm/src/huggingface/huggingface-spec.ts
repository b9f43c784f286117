import type { FieldSpec, ProviderSpec } from '@integration-api/core';
import { baseUrlField, secretField } from '../shared/spec-fields.js';

/**
 * The Inference Providers router (OpenAI-compatible). A dedicated Inference Endpoint running TGI
 * or vLLM speaks the same chat completions: set baseUrl to `https://<endpoint>.endpoints.huggingface.cloud/v1`.
 */
export const HUGGINGFACE_DEFAULT_BASE_URL = 'https://router.huggingface.co/v1';
/** The Hub, where the token is checked (`/api/whoami-v2`). */
export const HUGGINGFACE_DEFAULT_HUB_URL = 'https://huggingface.co';

const urlField = (name: string, description: string): FieldSpec => ({
  name,
  description,
  required: false,
  format: 'url',
  maxLength: 2048,
});

export const huggingfaceSpec: ProviderSpec = {
  id: 'huggingface',
  displayName: 'Hugging Face',
  capabilities: {
    chat: true,
    streaming: true,
    tools: true,
    vision: true,
    embeddings: true,
    rerank: false,
    verify: true,
  },
  secretFields: [
    secretField('apiKey', 'Hugging Face access token (hf_...) allowed to call Inference Providers'),
  ],
  configFields: [
    baseUrlField(HUGGINGFACE_DEFAULT_BASE_URL),
    urlField(
      'embeddingsUrl',
      'Feature-extraction URL of a dedicated Text Embeddings Inference endpoint, e.g. ' +
        "https://<endpoint>.endpoints.huggingface.cloud/embed; default: the router's hf-inference " +
        'pipeline, {baseUrl without /v1}/hf-inference/models/{model}/pipeline/feature-extraction',
    ),
    urlField(
      'hubUrl',
      `Hugging Face Hub URL, used to verify the token; default ${HUGGINGFACE_DEFAULT_HUB_URL}`,
    ),
  ],
  hintField: 'apiKey',
};

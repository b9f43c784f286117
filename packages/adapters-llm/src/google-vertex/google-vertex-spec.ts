import { serviceAccountHint } from './google-vertex-hint.js';
import type { ProviderSpec } from '@integration-api/core';

export const GOOGLE_VERTEX_DEFAULT_TOKEN_URL = 'https://oauth2.googleapis.com/token';

/** `https://{location}-aiplatform.googleapis.com/v1`; the `global` location has no prefix. */
export function googleVertexDefaultBaseUrl(location: string): string {
  return location === 'global'
    ? 'https://aiplatform.googleapis.com/v1'
    : `https://${location}-aiplatform.googleapis.com/v1`;
}

export const googleVertexSpec: ProviderSpec = {
  id: 'google-vertex',
  displayName: 'Google Vertex AI',
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
    {
      name: 'serviceAccountJson',
      description: 'Service account key file (JSON) with the Vertex AI User role',
      required: true,
      format: 'json',
      maxLength: 16_384,
    },
  ],
  configFields: [
    { name: 'projectId', description: 'Google Cloud project ID', required: true, maxLength: 64 },
    {
      name: 'location',
      description: 'Vertex AI location (us-central1, europe-west4, global...)',
      required: true,
      maxLength: 64,
    },
    {
      name: 'baseUrl',
      description: 'API base URL; default https://{location}-aiplatform.googleapis.com/v1',
      required: false,
      format: 'url',
      maxLength: 2048,
    },
    {
      name: 'tokenUrl',
      description: `OAuth token endpoint the service account signs in at; default ${GOOGLE_VERTEX_DEFAULT_TOKEN_URL}`,
      required: false,
      format: 'url',
      maxLength: 2048,
    },
  ],
  hintField: 'serviceAccountJson',
  // The key file's tail is JSON noise; its private_key_id tells keys apart.
  hint: (secret) => serviceAccountHint(secret.serviceAccountJson ?? ''),
};

import type { ProviderSpec } from '@integration-api/core';
import { baseUrlField, secretField } from '../shared/spec-fields.js';

export const GOOGLE_GEMINI_DEFAULT_BASE_URL = 'https://generativelanguage.googleapis.com/v1beta';

export const googleGeminiSpec: ProviderSpec = {
  id: 'google-gemini',
  displayName: 'Google Gemini',
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
    secretField('apiKey', 'Gemini API key from Google AI Studio (AIza..., sent as x-goog-api-key)'),
  ],
  configFields: [baseUrlField(GOOGLE_GEMINI_DEFAULT_BASE_URL)],
  hintField: 'apiKey',
};

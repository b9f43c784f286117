import type { ProviderSpec } from '@integration-api/core';
import { NO_CAPABILITIES, baseUrlField, secretField } from '../shared/spec-fields.js';

export const GOOGLE_GEMINI_DEFAULT_BASE_URL = 'https://generativelanguage.googleapis.com/v1beta';

export const googleGeminiSpec: ProviderSpec = {
  id: 'google-gemini',
  displayName: 'Google Gemini',
  capabilities: NO_CAPABILITIES,
  secretFields: [
    secretField('apiKey', 'Gemini API key from Google AI Studio (AIza..., sent as x-goog-api-key)'),
  ],
  configFields: [baseUrlField(GOOGLE_GEMINI_DEFAULT_BASE_URL)],
  hintField: 'apiKey',
};

import { InvalidArgumentError, type CredentialConfig, type SecretPayload } from '@integration-api/core';
import { MISTRAL_DEFAULT_BASE_URL } from './mistral-spec.js';

export function mistralBaseUrl(config: CredentialConfig): string {
  return config.baseUrl || MISTRAL_DEFAULT_BASE_URL;
}

export function mistralHeaders(secret: SecretPayload): Record<string, string> {
  const apiKey = secret.apiKey;
  if (!apiKey) throw new InvalidArgumentError('secret.apiKey', 'is required');
  return { authorization: `Bearer ${apiKey}` };
}

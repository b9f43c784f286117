import { InvalidArgumentError, type CredentialConfig, type SecretPayload } from '@integration-api/core';
import { ANTHROPIC_VERSION } from './anthropic-api.js';
import { ANTHROPIC_DEFAULT_BASE_URL } from './anthropic-spec.js';

/** The API root, `/v1` included (`https://api.anthropic.com/v1` unless the credential overrides it). */
export function anthropicBaseUrl(config: CredentialConfig): string {
  return config.baseUrl || ANTHROPIC_DEFAULT_BASE_URL;
}

/** Anthropic authenticates by `x-api-key`, and every call names the API version it speaks. */
export function anthropicHeaders(secret: SecretPayload): Record<string, string> {
  const apiKey = secret.apiKey;
  if (!apiKey) throw new InvalidArgumentError('secret.apiKey', 'is required');
  return { 'x-api-key': apiKey, 'anthropic-version': ANTHROPIC_VERSION };
}

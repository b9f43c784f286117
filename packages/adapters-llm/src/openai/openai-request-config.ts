import { InvalidArgumentError, type CredentialConfig, type SecretPayload } from '@integration-api/core';
import { OPENAI_DEFAULT_BASE_URL } from './openai-spec.js';

export function openaiBaseUrl(config: CredentialConfig): string {
  return config.baseUrl || OPENAI_DEFAULT_BASE_URL;
}

/** Authorization plus the optional organization and project that scope the key. */
export function openaiHeaders(secret: SecretPayload, config: CredentialConfig): Record<string, string> {
  const apiKey = secret.apiKey;
  if (!apiKey) throw new InvalidArgumentError('secret.apiKey', 'is required');
  return {
    authorization: `Bearer ${apiKey}`,
    ...(config.organization ? { 'openai-organization': config.organization } : {}),
    ...(config.project ? { 'openai-project': config.project } : {}),
  };
}

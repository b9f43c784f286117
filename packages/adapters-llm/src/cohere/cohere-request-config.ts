import { InvalidArgumentError, type CredentialConfig, type SecretPayload } from '@integration-api/core';
import { COHERE_DEFAULT_BASE_URL } from './cohere-spec.js';

/** The API root without a version: chat, embed and rerank live under `/v2`, the key check under `/v1`. */
export function cohereBaseUrl(config: CredentialConfig): string {
  return config.baseUrl || COHERE_DEFAULT_BASE_URL;
}

export function cohereHeaders(secret: SecretPayload): Record<string, string> {
  const apiKey = secret.apiKey;
  if (!apiKey) throw new InvalidArgumentError('secret.apiKey', 'is required');
  return { authorization: `Bearer ${apiKey}` };
}

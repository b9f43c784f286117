import { InvalidArgumentError, type CredentialConfig, type SecretPayload } from '@integration-api/core';
import { REPLICATE_DEFAULT_BASE_URL } from './replicate-spec.js';

/** The API root, `/v1` included (`https://api.replicate.com/v1` unless the credential overrides it). */
export function replicateBaseUrl(config: CredentialConfig): string {
  return config.baseUrl || REPLICATE_DEFAULT_BASE_URL;
}

/** Replicate takes the API token as a bearer token. */
export function replicateHeaders(secret: SecretPayload): Record<string, string> {
  const apiToken = secret.apiToken;
  if (!apiToken) throw new InvalidArgumentError('secret.apiToken', 'is required');
  return { authorization: `Bearer ${apiToken}` };
}

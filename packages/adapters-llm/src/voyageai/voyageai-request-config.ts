import { InvalidArgumentError, type CredentialConfig, type SecretPayload } from '@integration-api/core';
import { VOYAGEAI_DEFAULT_BASE_URL } from './voyageai-spec.js';

/** The API root including `/v1`: `{base}/embeddings`, `{base}/rerank`. */
export function voyageaiBaseUrl(config: CredentialConfig): string {
  return config.baseUrl || VOYAGEAI_DEFAULT_BASE_URL;
}

export function voyageaiHeaders(secret: SecretPayload): Record<string, string> {
  const apiKey = secret.apiKey;
  if (!apiKey) throw new InvalidArgumentError('secret.apiKey', 'is required');
  return { authorization: `Bearer ${apiKey}` };
}

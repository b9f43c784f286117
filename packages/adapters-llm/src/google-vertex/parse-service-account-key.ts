import { ProviderError } from '@integration-api/core';

export interface ServiceAccountKey {
  readonly clientEmail: string;
  /** PKCS#8 PEM. */
  readonly privateKey: string;
  readonly privateKeyId?: string;
}

/**
 * The fields of a service account key file the token exchange needs. The file's `token_uri` is
 * not used: the token endpoint comes from the credential's config (default Google's), so a key
 * file cannot send the signed assertion elsewhere. A file that cannot sign is the credential's
 * fault: auth_failed, with a message that names the field and never its value.
 */
export function parseServiceAccountKey(serviceAccountJson: string | undefined): ServiceAccountKey {
  const refuse = (why: string) =>
    new ProviderError('auth_failed', 'google-vertex', `the service account key ${why}`);
  if (!serviceAccountJson) throw refuse('is missing');
  let parsed: unknown;
  try {
    parsed = JSON.parse(serviceAccountJson);
  } catch {
    throw refuse('is not JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw refuse('is not a JSON object');
  const key = parsed as Record<string, unknown>;
  if (key.type !== undefined && key.type !== 'service_account') {
    throw refuse(`is of type ${String(key.type).slice(0, 40)}, not service_account`);
  }
  if (typeof key.client_email !== 'string' || !key.client_email.includes('@'))
    throw refuse('has no client_email');
  if (typeof key.private_key !== 'string' || !key.private_key.includes('PRIVATE KEY')) {
    throw refuse('has no private_key');
  }
  return {
    clientEmail: key.client_email,
    privateKey: key.private_key,
    ...(typeof key.private_key_id === 'string' ? { privateKeyId: key.private_key_id } : {}),
  };
}

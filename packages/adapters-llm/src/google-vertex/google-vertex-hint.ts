import { maskSecret } from '@integration-api/core';

/**
 * A hint for a service account key file that tells keys apart: the last characters of its
 * `private_key_id` (the key id Google Cloud Console lists), not of the JSON text, which always end
 * in `"` and `}`. Falls back to core's mask when the file has no key id.
 */
export function serviceAccountHint(serviceAccountJson: string): string {
  try {
    const parsed = JSON.parse(serviceAccountJson) as { private_key_id?: unknown };
    if (typeof parsed.private_key_id === 'string') return maskSecret(parsed.private_key_id);
  } catch {
    // Not JSON: fall through to the plain mask.
  }
  return maskSecret(serviceAccountJson);
}

import { ProviderUnavailableError, type VerifyOutcome } from '@integration-api/core';
import { isRecord, type CohereCheckApiKeyResponse } from './cohere-api.js';

/**
 * Reads a 200 answer of `POST /v1/check-api-key`: Cohere answers `{valid: false}` (not a 401) for
 * a key it does not accept, so the body decides. An answer without a boolean `valid` (a proxy's
 * page, say) decides nothing.
 */
export function cohereVerifyOutcome(body: unknown): VerifyOutcome {
  const valid = isRecord(body) ? (body as CohereCheckApiKeyResponse).valid : undefined;
  if (valid === true) return { ok: true };
  if (valid === false) {
    return { ok: false, reason: 'invalid_credential', message: 'Cohere reports the API key as not valid' };
  }
  throw new ProviderUnavailableError('cohere', 'the key check did not say whether the key is valid');
}

import { ProviderUnavailableError, type ProviderId, type VerifyOutcome } from '@integration-api/core';
import { discardBody, readBodyText } from '../http/read-body.js';
import type { UpstreamClients, UpstreamRequest } from '../http/upstream-clients.js';
import { classifyTransportError } from '../http/upstream-failure.js';
import { verifyOutcomeFor } from '../http/verify-by-request.js';
import { classifyGoogleFailure } from './google-error.js';

export interface VerifyGoogleRequestOptions {
  readonly provider: ProviderId;
  readonly clients: UpstreamClients;
  /** A cheap authenticated read whose status tells whether the credential works. */
  readonly request: UpstreamRequest;
  readonly secrets: readonly string[];
}

/**
 * Like verifyByRequest, with Google's error classification: the Gemini API answers an invalid
 * key with 400 API_KEY_INVALID, which must read as an invalid credential, not as "nothing was
 * decided". 2xx accepts; a credential refusal is an outcome; anything else throws
 * ProviderUnavailableError, and the caller's abort its reason.
 */
export async function verifyGoogleRequest(options: VerifyGoogleRequestOptions): Promise<VerifyOutcome> {
  const { provider, clients, request, secrets } = options;
  try {
    const response = await clients.request(request);
    if (response.statusCode >= 200 && response.statusCode < 300) {
      await discardBody(response.body);
      return { ok: true };
    }
    const bodyText = await readBodyText(response.body);
    return verifyOutcomeFor(
      provider,
      classifyGoogleFailure({ status: response.statusCode, headers: response.headers, bodyText, secrets }),
    );
  } catch (error) {
    if (request.signal?.aborted) throw request.signal.reason ?? error;
    if (error instanceof ProviderUnavailableError) throw error;
    const failure = classifyTransportError(error);
    throw new ProviderUnavailableError(provider, failure.message);
  }
}

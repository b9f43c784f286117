import {
  ProviderUnavailableError,
  type ProviderId,
  type SecretPayload,
  type VerifyOutcome,
} from '@integration-api/core';
import { discardBody, readBodyText } from './read-body.js';
import type { UpstreamClients, UpstreamRequest } from './upstream-clients.js';
import { classifyHttpFailure, classifyTransportError, type UpstreamFailure } from './upstream-failure.js';

export interface VerifyByRequestOptions {
  readonly provider: ProviderId;
  readonly clients: UpstreamClients;
  /** A cheap authenticated call (list models) whose status tells whether the credential works. */
  readonly request: UpstreamRequest;
  /** The credential being checked; its values are scrubbed from provider messages. */
  readonly secret: SecretPayload;
}

/**
 * Verifies a credential by one authenticated request: 2xx is accepted, 401/403 are the provider's
 * refusal, anything else decided nothing and throws ProviderUnavailableError. When the caller's
 * signal aborts, its reason is thrown as is.
 */
export async function verifyByRequest(options: VerifyByRequestOptions): Promise<VerifyOutcome> {
  const { provider, clients, request, secret } = options;
  try {
    const response = await clients.request(request);
    if (response.statusCode >= 200 && response.statusCode < 300) {
      await discardBody(response.body);
      return { ok: true };
    }
    const bodyText = await readBodyText(response.body);
    const failure = classifyHttpFailure({
      status: response.statusCode,
      headers: response.headers,
      bodyText,
      secrets: Object.values(secret),
    });
    return verifyOutcomeFor(provider, failure);
  } catch (error) {
    if (request.signal?.aborted) throw request.signal.reason ?? error;
    if (error instanceof ProviderUnavailableError) throw error;
    throw verifyOutcomeError(provider, classifyTransportError(error));
  }
}

/** A refusal of the credential becomes an outcome; everything else throws ProviderUnavailableError. */
export function verifyOutcomeFor(provider: ProviderId, failure: UpstreamFailure): VerifyOutcome {
  if (failure.kind === 'invalid_credential' || failure.kind === 'permission_denied') {
    return { ok: false, reason: failure.kind, message: failure.message };
  }
  throw verifyOutcomeError(provider, failure);
}

function verifyOutcomeError(provider: ProviderId, failure: UpstreamFailure): ProviderUnavailableError {
  switch (failure.kind) {
    case 'rate_limited': {
      const wait =
        failure.retryAfterSeconds !== undefined ? ` (retry after ${failure.retryAfterSeconds} s)` : '';
      return new ProviderUnavailableError(provider, `rate limited${wait}: ${failure.message}`);
    }
    case 'rejected':
      return new ProviderUnavailableError(
        provider,
        `the verification request was refused with status ${failure.status}: ${failure.message}`,
      );
    default:
      return new ProviderUnavailableError(provider, failure.message);
  }
}

import type { VerifyOutcome, VerifyRequest } from '@integration-api/core';
import type { UpstreamClients } from '../http/upstream-clients.js';
import { joinUrl } from '../http/url.js';
import { verifyByCall } from '../http/verify-by-request.js';
import { replicateBaseUrl, replicateHeaders } from './replicate-request-config.js';

export interface ReplicateVerifierDeps {
  readonly clients: UpstreamClients;
  /** Bounds the wait for headers and each body chunk of the check. */
  readonly timeoutMs: number;
}

/**
 * Checks a Replicate token with `GET {baseUrl}/account` (the token's account; free). 401 is an
 * invalid token, 403 one without permission; anything else decided nothing.
 */
export function createReplicateVerifier(
  deps: ReplicateVerifierDeps,
): (request: VerifyRequest) => Promise<VerifyOutcome> {
  return (request) =>
    verifyByCall({ ...deps, provider: 'replicate' }, request, {
      url: joinUrl(replicateBaseUrl(request.config), 'account'),
      headers: replicateHeaders(request.secret),
    });
}

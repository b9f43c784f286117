import type { VerifyOutcome, VerifyRequest } from '@integration-api/core';
import type { UpstreamClients } from '../http/upstream-clients.js';
import { joinUrl } from '../http/url.js';
import { verifyByCall } from '../http/verify-by-request.js';
import { voyageaiBaseUrl, voyageaiHeaders } from './voyageai-request-config.js';
import { buildVoyageaiVerifyRequest } from './voyageai-verify-request.js';

export interface VoyageaiVerifierDeps {
  readonly clients: UpstreamClients;
  /** Bounds the wait for headers and each body chunk of the check. */
  readonly timeoutMs: number;
}

/**
 * Checks a Voyage AI key by embedding one short text with the cheapest model (a few tokens):
 * 2xx accepts, 401/403 refuse, anything else decided nothing.
 */
export function createVoyageaiVerifier(
  deps: VoyageaiVerifierDeps,
): (request: VerifyRequest) => Promise<VerifyOutcome> {
  return (request) =>
    verifyByCall({ ...deps, provider: 'voyageai' }, request, {
      url: joinUrl(voyageaiBaseUrl(request.config), 'embeddings'),
      headers: voyageaiHeaders(request.secret),
      body: buildVoyageaiVerifyRequest(),
    });
}

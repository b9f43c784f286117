import type { VerifyOutcome, VerifyRequest } from '@integration-api/core';
import type { UpstreamClients } from '../http/upstream-clients.js';
import { joinUrl } from '../http/url.js';
import { verifyByCall } from '../http/verify-by-request.js';
import { anthropicBaseUrl, anthropicHeaders } from './anthropic-request-config.js';

export interface AnthropicVerifierDeps {
  readonly clients: UpstreamClients;
  /** Bounds the wait for headers and each body chunk of the check. */
  readonly timeoutMs: number;
}

/**
 * Checks an Anthropic key by listing models (`GET {baseUrl}/models`): free, and needs a valid
 * key. 401 is an invalid key, 403 a key without permission; anything else decided nothing.
 */
export function createAnthropicVerifier(
  deps: AnthropicVerifierDeps,
): (request: VerifyRequest) => Promise<VerifyOutcome> {
  return (request) =>
    verifyByCall({ ...deps, provider: 'anthropic' }, request, {
      url: joinUrl(anthropicBaseUrl(request.config), 'models'),
      headers: anthropicHeaders(request.secret),
    });
}

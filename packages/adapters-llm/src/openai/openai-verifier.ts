import type { VerifyOutcome, VerifyRequest } from '@integration-api/core';
import type { UpstreamClients } from '../http/upstream-clients.js';
import { joinUrl } from '../http/url.js';
import { verifyByCall } from '../http/verify-by-request.js';
import { openaiBaseUrl, openaiHeaders } from './openai-request-config.js';

export interface OpenAIVerifierDeps {
  readonly clients: UpstreamClients;
  /** Bounds the wait for headers and each body chunk of the check. */
  readonly timeoutMs: number;
}

/** Checks an OpenAI key by listing models (`GET {baseUrl}/models`): cheap, and needs a valid key. */
export function createOpenAIVerifier(
  deps: OpenAIVerifierDeps,
): (request: VerifyRequest) => Promise<VerifyOutcome> {
  return (request) =>
    verifyByCall({ ...deps, provider: 'openai' }, request, {
      url: joinUrl(openaiBaseUrl(request.config), 'models'),
      headers: openaiHeaders(request.secret, request.config),
    });
}

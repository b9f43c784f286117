import { ProviderUnavailableError, type VerifyOutcome, type VerifyRequest } from '@integration-api/core';
import type { UpstreamClients } from '../http/upstream-clients.js';
import { joinUrl } from '../http/url.js';
import {
  classifyHttpFailure,
  type HttpFailureInput,
  type UpstreamFailure,
} from '../http/upstream-failure.js';
import { verifyByCall } from '../http/verify-by-request.js';
import { cohereFailureKind } from './cohere-error.js';
import { cohereBaseUrl, cohereHeaders } from './cohere-request-config.js';
import { cohereVerifyOutcome } from './cohere-verify-response.js';

export interface CohereVerifierDeps {
  readonly clients: UpstreamClients;
  /** Bounds the wait for headers and each body chunk of the check. */
  readonly timeoutMs: number;
}

/**
 * Checks a Cohere key with `POST {baseUrl}/v1/check-api-key`, which costs nothing. Its 200 answer
 * carries the verdict (`valid`); 401 and 498 refuse the key, 402 and 403 its permissions; anything
 * else decided nothing and throws ProviderUnavailableError.
 */
export function createCohereVerifier(
  deps: CohereVerifierDeps,
): (request: VerifyRequest) => Promise<VerifyOutcome> {
  const caller = {
    ...deps,
    provider: 'cohere' as const,
    classify: classifyCohereVerifyFailure,
    outcomeOfAnswer: (bodyText: string) => cohereVerifyOutcome(parseJson(bodyText)),
  };
  return (request) =>
    verifyByCall(caller, request, {
      method: 'POST',
      url: joinUrl(cohereBaseUrl(request.config), 'v1/check-api-key'),
      headers: cohereHeaders(request.secret),
    });
}

/** The shared classification, except that Cohere's own refusals (498, 402) refuse the key too. */
function classifyCohereVerifyFailure(input: HttpFailureInput): UpstreamFailure {
  const failure = classifyHttpFailure(input);
  switch (cohereFailureKind(input.status)) {
    case 'auth_failed':
      return { kind: 'invalid_credential', status: input.status, message: failure.message };
    case 'permission_denied':
      return { kind: 'permission_denied', status: input.status, message: failure.message };
    default:
      return failure;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ProviderUnavailableError('cohere', 'the key check answer is not JSON');
  }
}

import { ProviderUnavailableError, type VerifyOutcome, type VerifyRequest } from '@integration-api/core';
import { readBodyText } from '../http/read-body.js';
import type { UpstreamClients, UpstreamResponse } from '../http/upstream-clients.js';
import { joinUrl } from '../http/url.js';
import { classifyHttpFailure, classifyTransportError } from '../http/upstream-failure.js';
import { verifyOutcomeFor } from '../http/verify-by-request.js';
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
  return async (request) => {
    let response: UpstreamResponse;
    try {
      response = await deps.clients.request({
        method: 'POST',
        url: joinUrl(cohereBaseUrl(request.config), 'v1/check-api-key'),
        headers: { ...cohereHeaders(request.secret), accept: 'application/json' },
        signal: request.signal,
        headersTimeoutMs: deps.timeoutMs,
        bodyTimeoutMs: deps.timeoutMs,
      });
    } catch (error) {
      if (request.signal?.aborted) throw request.signal.reason ?? error;
      return verifyOutcomeFor('cohere', classifyTransportError(error));
    }
    let bodyText: string;
    try {
      bodyText = await readBodyText(response.body);
    } catch (error) {
      if (request.signal?.aborted) throw request.signal.reason ?? error;
      return verifyOutcomeFor('cohere', classifyTransportError(error));
    }
    const status = response.statusCode;
    if (status >= 200 && status < 300) return cohereVerifyOutcome(parseJson(bodyText));

    const failure = classifyHttpFailure({
      status,
      headers: response.headers,
      bodyText,
      secrets: Object.values(request.secret),
    });
    switch (cohereFailureKind(status)) {
      case 'auth_failed':
        return { ok: false, reason: 'invalid_credential', message: failure.message };
      case 'permission_denied':
        return { ok: false, reason: 'permission_denied', message: failure.message };
      default:
        return verifyOutcomeFor('cohere', failure);
    }
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ProviderUnavailableError('cohere', 'the key check answer is not JSON');
  }
}

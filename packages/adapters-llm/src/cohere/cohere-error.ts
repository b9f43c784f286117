import { STATUS_CODES, type IncomingHttpHeaders } from 'node:http';
import { ProviderError, type ProviderFailureKind } from '@integration-api/core';
import { providerErrorMessage } from '../http/provider-error-message.js';
import { scrubSecrets } from '../http/scrub-secrets.js';
import { parseRetryAfter } from '../http/upstream-failure.js';

export interface CohereErrorInput {
  readonly status: number;
  /** The (bounded) response body: Cohere sends `{"message": "..."}`, proxies may send text. */
  readonly bodyText: string;
  /** The credential's secret values; they never reach the message. */
  readonly secrets: Iterable<string>;
  readonly headers?: IncomingHttpHeaders;
}

/**
 * Turns a failed Cohere answer into a ProviderError. Beyond the usual statuses Cohere documents
 * 402 (billing: the key may not be used until a payment method is added), 498 (invalid token) and
 * 499 (the request was cancelled on its side; worth retrying).
 */
export function cohereError(input: CohereErrorInput): ProviderError {
  const { status } = input;
  const extracted = providerErrorMessage(input.bodyText);
  const message = scrubSecrets(extracted ?? statusLine(status), input.secrets) || statusLine(status);
  const kind = cohereFailureKind(status);
  const retryAfterSeconds =
    kind === 'rate_limited' && input.headers ? parseRetryAfter(input.headers) : undefined;
  return new ProviderError(kind, 'cohere', message, {
    status,
    ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
  });
}

export function cohereFailureKind(status: number): ProviderFailureKind {
  switch (status) {
    case 401:
    case 498:
      return 'auth_failed';
    case 402:
    case 403:
      return 'permission_denied';
    case 408:
      return 'timeout';
    case 429:
      return 'rate_limited';
    case 499:
      return 'unavailable';
  }
  if (status >= 400 && status < 500) return 'invalid_request';
  return 'unavailable';
}

function statusLine(status: number): string {
  return `the provider answered ${status} ${STATUS_CODES[status] ?? ''}`.trim();
}

import { STATUS_CODES } from 'node:http';
import { ProviderError, type ProviderFailureKind } from '@integration-api/core';
import { providerErrorMessage } from '../http/provider-error-message.js';
import { scrubSecrets } from '../http/scrub-secrets.js';
import { parseRetryAfter, type HttpFailureInput } from '../http/upstream-failure.js';
import type { AnthropicErrorBody } from './anthropic-api.js';

const PROVIDER = 'anthropic';

/**
 * Anthropic's error types (https://docs.anthropic.com/en/api/errors) in our terms. The type
 * decides when there is one: a mid-stream `error` event has no status, and a 529 or a 500 both mean
 * "try again later". `billing_error` is the account's standing, not the request's fault.
 */
const KIND_OF_TYPE: Readonly<Record<string, ProviderFailureKind>> = {
  invalid_request_error: 'invalid_request',
  not_found_error: 'invalid_request',
  request_too_large: 'invalid_request',
  authentication_error: 'auth_failed',
  permission_error: 'permission_denied',
  billing_error: 'permission_denied',
  rate_limit_error: 'rate_limited',
  timeout_error: 'timeout',
  api_error: 'unavailable',
  overloaded_error: 'unavailable',
};

/** The failure kind for an Anthropic error type, falling back on the HTTP status when the type is unknown. */
export function anthropicFailureKind(errorType: string | undefined, status?: number): ProviderFailureKind {
  const byType = errorType !== undefined ? KIND_OF_TYPE[errorType] : undefined;
  if (byType) return byType;
  if (status === undefined) return 'error';
  if (status === 401) return 'auth_failed';
  if (status === 403) return 'permission_denied';
  if (status === 429) return 'rate_limited';
  if (status === 408 || status === 504) return 'timeout';
  if (status >= 400 && status < 500) return 'invalid_request';
  if (status >= 500) return 'unavailable';
  return 'error';
}

/**
 * A non-2xx answer of the Messages API as a ProviderError, with the wait Anthropic asked for. The
 * body is Anthropic's `{type:'error', error:{type, message}}`, or whatever a proxy sent.
 */
export function anthropicHttpError(input: HttpFailureInput): ProviderError {
  const { status, headers, bodyText, secrets } = input;
  const body = parseErrorBody(bodyText);
  const errorType = body?.error?.type;
  const message =
    body?.error?.message ??
    providerErrorMessage(bodyText) ??
    `HTTP ${status} ${STATUS_CODES[status] ?? ''}`.trim();
  const retryAfterSeconds = parseRetryAfter(headers);
  return new ProviderError(
    anthropicFailureKind(errorType, status),
    PROVIDER,
    describe(errorType, message, secrets),
    {
      status,
      ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
    },
  );
}

/** An `error` event in a stream that had started with 200: `{type:'error', error:{type, message}}`. */
export function anthropicStreamError(event: AnthropicErrorBody, secrets: readonly string[]): ProviderError {
  const errorType = event.error?.type;
  const message = event.error?.message ?? 'the stream reported an error';
  return new ProviderError(anthropicFailureKind(errorType), PROVIDER, describe(errorType, message, secrets));
}

function describe(errorType: string | undefined, message: string, secrets: Iterable<string>): string {
  return scrubSecrets(errorType ? `${errorType}: ${message}` : message, secrets);
}

function parseErrorBody(text: string): AnthropicErrorBody | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
    const error = (parsed as { error?: unknown }).error;
    if (typeof error !== 'object' || error === null) return undefined;
    const { type, message } = error as { type?: unknown; message?: unknown };
    return {
      error: {
        ...(typeof type === 'string' ? { type } : {}),
        ...(typeof message === 'string' ? { message } : {}),
      },
    };
  } catch {
    return undefined;
  }
}

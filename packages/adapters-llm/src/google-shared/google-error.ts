import { STATUS_CODES } from 'node:http';
import type { ProviderError, ProviderId } from '@integration-api/core';
import { providerErrorOf } from '../http/provider-error.js';
import { scrubSecrets } from '../http/scrub-secrets.js';
import { parseRetryAfter, type HttpFailureInput, type UpstreamFailure } from '../http/upstream-failure.js';
import type { GoogleErrorDetail, GoogleRpcError } from './google-api.js';

/** `ErrorInfo.reason`s that say the key or token itself is bad, whatever the HTTP status. */
const INVALID_CREDENTIAL_REASONS: ReadonlySet<string> = new Set([
  // The Gemini API answers an invalid or expired API key with 400 INVALID_ARGUMENT and this reason.
  'API_KEY_INVALID',
  'API_KEY_EXPIRED',
  'ACCESS_TOKEN_EXPIRED',
  'ACCESS_TOKEN_TYPE_UNSUPPORTED',
  'CREDENTIALS_MISSING',
]);

/** Reasons that say a valid credential may not do this (often with 403, sometimes with 400). */
const PERMISSION_REASONS: ReadonlySet<string> = new Set([
  'API_KEY_SERVICE_BLOCKED',
  'API_KEY_HTTP_REFERRER_BLOCKED',
  'API_KEY_IP_ADDRESS_BLOCKED',
  'API_KEY_ANDROID_APP_BLOCKED',
  'API_KEY_IOS_APP_BLOCKED',
  'SERVICE_DISABLED',
  'CONSUMER_INVALID',
  'CONSUMER_SUSPENDED',
  'BILLING_DISABLED',
  'IAM_PERMISSION_DENIED',
]);

/**
 * Classifies a Google RPC error answer (`{error:{code,message,status,details}}`, sometimes wrapped
 * in an array by the streaming endpoint) of the Gemini API or Vertex AI. Google's ErrorInfo
 * reason decides first (an invalid Gemini API key is a 400 with reason API_KEY_INVALID, a
 * credential failure, not a bad request); then the HTTP status and the RPC status:
 * 401/UNAUTHENTICATED → invalid_credential, 403/PERMISSION_DENIED → permission_denied,
 * 429/RESOURCE_EXHAUSTED → rate_limited with RetryInfo.retryDelay (or Retry-After) in whole
 * seconds, 408/504/DEADLINE_EXCEEDED → timeout, other 4xx (INVALID_ARGUMENT, NOT_FOUND,
 * FAILED_PRECONDITION…) → rejected, the rest → unavailable. The message is Google's, scrubbed.
 */
export function classifyGoogleFailure(input: HttpFailureInput): UpstreamFailure {
  const { status, headers } = input;
  const error = rpcErrorIn(input.bodyText);
  const rawMessage = error?.message ?? plainText(input.bodyText) ?? statusLine(status);
  const message = scrubSecrets(rawMessage, input.secrets) || statusLine(status);
  const rpcStatus = error?.status;
  const reasons = (error?.details ?? [])
    .map((d) => d.reason)
    .filter((r): r is string => typeof r === 'string');

  if (reasons.some((r) => INVALID_CREDENTIAL_REASONS.has(r)))
    return { kind: 'invalid_credential', status, message };
  if (reasons.some((r) => PERMISSION_REASONS.has(r))) return { kind: 'permission_denied', status, message };
  if (status === 401 || rpcStatus === 'UNAUTHENTICATED')
    return { kind: 'invalid_credential', status, message };
  if (status === 403 || rpcStatus === 'PERMISSION_DENIED')
    return { kind: 'permission_denied', status, message };
  if (status === 429 || rpcStatus === 'RESOURCE_EXHAUSTED') {
    const retryAfterSeconds = retryDelayIn(error?.details) ?? parseRetryAfter(headers);
    return {
      kind: 'rate_limited',
      status,
      message,
      ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
    };
  }
  if (status === 408 || status === 504 || rpcStatus === 'DEADLINE_EXCEEDED')
    return { kind: 'timeout', status, message };
  if (status >= 400 && status < 500) return { kind: 'rejected', status, message };
  return { kind: 'unavailable', status, message };
}

/** A failed Google call as the ProviderError callers act on. */
export function googleProviderError(provider: ProviderId, input: HttpFailureInput): ProviderError {
  return providerErrorOf(provider, classifyGoogleFailure(input));
}

/**
 * An error Google sent inside a stream (`data: {"error":{…}}` after a 200): classified by its
 * own code, as if it had been the answer's status.
 */
export function googleStreamError(
  provider: ProviderId,
  error: GoogleRpcError,
  secrets: Iterable<string>,
): ProviderError {
  const status = typeof error.code === 'number' && error.code >= 400 && error.code < 600 ? error.code : 500;
  return googleProviderError(provider, { status, headers: {}, bodyText: JSON.stringify({ error }), secrets });
}

/** A protobuf Duration ("34.4s", "1s", "0.250s") as whole seconds to wait, rounded up. */
export function parseRetryDelay(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^(\d+(?:\.\d+)?)s$/.exec(value.trim());
  return match ? Math.ceil(Number(match[1])) : undefined;
}

function retryDelayIn(details: readonly GoogleErrorDetail[] | undefined): number | undefined {
  for (const detail of details ?? []) {
    const seconds = parseRetryDelay(detail.retryDelay);
    if (seconds !== undefined) return seconds;
  }
  return undefined;
}

function rpcErrorIn(bodyText: string): GoogleRpcError | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(bodyText);
  } catch {
    return undefined;
  }
  const body = Array.isArray(parsed) ? parsed[0] : parsed;
  if (!isObject(body) || !isObject(body.error)) return undefined;
  const error = body.error;
  return {
    ...(typeof error.code === 'number' ? { code: error.code } : {}),
    ...(typeof error.message === 'string' && error.message ? { message: error.message } : {}),
    ...(typeof error.status === 'string' ? { status: error.status } : {}),
    ...(Array.isArray(error.details)
      ? { details: error.details.filter(isObject) as GoogleErrorDetail[] }
      : {}),
  };
}

/** A plain-text body (a proxy's), but not an HTML error page or a JSON body without a message. */
function plainText(bodyText: string): string | undefined {
  const text = bodyText.trim();
  if (!text || text.startsWith('<') || text.startsWith('{') || text.startsWith('[')) return undefined;
  return text;
}

function statusLine(status: number): string {
  return `the provider answered ${status} ${STATUS_CODES[status] ?? ''}`.trim();
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

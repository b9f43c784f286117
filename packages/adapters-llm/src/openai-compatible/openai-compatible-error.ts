import { ProviderError, type ProviderFailureKind, type ProviderId } from '@integration-api/core';
import { providerErrorMessage } from '../http/provider-error-message.js';
import { scrubSecrets } from '../http/scrub-secrets.js';

/**
 * The ProviderError for an error a server reported inside a 200 answer or mid-stream
 * (`data: {"error":{...}}`, vLLM's `{"object":"error",...}`), or undefined when the payload is
 * no error. The kind comes from the error's code, type or status; the message is scrubbed.
 */
export function openAICompatibleErrorOf(
  provider: ProviderId,
  payload: unknown,
  secrets: Iterable<string>,
): ProviderError | undefined {
  if (!isObject(payload)) return undefined;
  const error = payload.error;
  const isError =
    isObject(error) || (typeof error === 'string' && error.length > 0) || payload.object === 'error';
  if (!isError) return undefined;

  const details = isObject(error) ? error : payload;
  const message =
    scrubSecrets(providerErrorMessage(JSON.stringify(payload)) ?? '', secrets) ||
    'the provider reported an error without a message';
  return new ProviderError(kindOf(details), provider, message);
}

function kindOf(details: Record<string, unknown>): ProviderFailureKind {
  const status = [details.status, details.code].find(
    (v) => typeof v === 'number' || /^\d{3}$/.test(String(v)),
  );
  if (status !== undefined) {
    const code = Number(status);
    if (code === 401) return 'auth_failed';
    if (code === 403) return 'permission_denied';
    if (code === 429) return 'rate_limited';
    if (code === 408) return 'timeout';
    if (code >= 400 && code < 500) return 'invalid_request';
    if (code >= 500) return 'unavailable';
  }
  const words = [details.code, details.type, details.error_type]
    .filter((v): v is string => typeof v === 'string')
    .join(' ')
    .toLowerCase();
  if (/rate_limit|quota|too_many/.test(words)) return 'rate_limited';
  if (/auth|api_key/.test(words)) return 'auth_failed';
  if (/permission|forbidden/.test(words)) return 'permission_denied';
  if (/timeout/.test(words)) return 'timeout';
  if (/invalid_request|bad_?request|context_length|validation/.test(words)) return 'invalid_request';
  if (/server_error|overloaded|unavailable|internal/.test(words)) return 'unavailable';
  return 'error';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

import { STATUS_CODES, type IncomingHttpHeaders } from 'node:http';
import { providerErrorMessage } from './provider-error-message.js';
import { scrubSecrets } from './scrub-secrets.js';

/**
 * What went wrong with an upstream call, independent of the operation. Messages are already
 * scrubbed of secrets and bounded.
 * - `invalid_credential` / `permission_denied`: the provider judged the credential.
 * - `rate_limited`: the provider is shedding load or the key hit its quota; try later.
 * - `rejected`: the provider refused the request itself (other 4xx: bad input, unknown model).
 * - `timeout`: the provider took too long to answer or went silent mid-answer (408 too).
 * - `unavailable`: nothing was decided (network error, 5xx, unexpected status).
 */
export type UpstreamFailure =
  | { readonly kind: 'invalid_credential'; readonly status: number; readonly message: string }
  | { readonly kind: 'permission_denied'; readonly status: number; readonly message: string }
  | {
      readonly kind: 'rate_limited';
      readonly status: number;
      readonly message: string;
      readonly retryAfterSeconds?: number;
    }
  | { readonly kind: 'rejected'; readonly status: number; readonly message: string }
  | { readonly kind: 'timeout'; readonly status?: number; readonly message: string }
  | { readonly kind: 'unavailable'; readonly status?: number; readonly message: string };

export interface HttpFailureInput {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  /** The (bounded) response body, JSON or text. */
  readonly bodyText: string;
  /** Values that must not appear in the message (the credential's secret fields). */
  readonly secrets: Iterable<string>;
}

/** Maps a non-2xx answer to a failure, keeping the provider's own message. */
export function classifyHttpFailure(input: HttpFailureInput): UpstreamFailure {
  const { status } = input;
  const extracted = providerErrorMessage(input.bodyText);
  const message = scrubSecrets(extracted ?? statusLine(status), input.secrets) || statusLine(status);
  if (status === 401) return { kind: 'invalid_credential', status, message };
  if (status === 403) return { kind: 'permission_denied', status, message };
  if (status === 429) {
    const retryAfterSeconds = parseRetryAfter(input.headers);
    return {
      kind: 'rate_limited',
      status,
      message,
      ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
    };
  }
  if (status === 408) return { kind: 'timeout', status, message };
  if (status >= 400 && status < 500) return { kind: 'rejected', status, message };
  return { kind: 'unavailable', status, message };
}

/** Seconds to wait, from `retry-after-ms`, `retry-after` (seconds or HTTP date). */
export function parseRetryAfter(headers: IncomingHttpHeaders, now = Date.now()): number | undefined {
  const ms = Number(single(headers['retry-after-ms']));
  if (Number.isFinite(ms) && ms >= 0 && single(headers['retry-after-ms']) !== undefined)
    return Math.ceil(ms / 1000);
  const value = single(headers['retry-after'])?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.ceil(Number(value));
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

/**
 * Maps a network error (undici's or the system's) to a failure: waiting too long for the answer
 * or between its chunks is a `timeout`; anything else, a connect timeout included (the provider
 * could not be reached, nothing was sent), is `unavailable`.
 */
export function classifyTransportError(error: unknown): UpstreamFailure {
  const code = errorCode(error);
  const message = describeTransportError(error);
  if (code !== undefined && WAITING_TIMEOUTS.has(code)) return { kind: 'timeout', message };
  return { kind: 'unavailable', message };
}

const WAITING_TIMEOUTS: ReadonlySet<string> = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

const TRANSPORT_MESSAGES: Readonly<Record<string, string>> = {
  UND_ERR_CONNECT_TIMEOUT: 'timed out while connecting',
  UND_ERR_HEADERS_TIMEOUT: 'timed out waiting for a response',
  UND_ERR_BODY_TIMEOUT: 'timed out while reading the response',
  UND_ERR_SOCKET: 'the connection closed unexpectedly',
  UND_ERR_CLOSED: 'the connection closed unexpectedly',
  ERR_STREAM_PREMATURE_CLOSE: 'the connection closed unexpectedly',
  UND_ERR_ABORTED: 'the request was aborted',
  ABORT_ERR: 'the request was aborted',
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'the connection was reset',
  EPIPE: 'the connection was reset',
  ETIMEDOUT: 'timed out while connecting',
  ENOTFOUND: 'the host name does not resolve',
  EAI_AGAIN: 'the host name could not be resolved right now',
  EHOSTUNREACH: 'the host is unreachable',
  ENETUNREACH: 'the network is unreachable',
  INTEGRATION_PRIVATE_UPSTREAM: 'the upstream host resolves to a private or loopback address',
};

function describeTransportError(error: unknown): string {
  const code = errorCode(error);
  if (code && TRANSPORT_MESSAGES[code]) return TRANSPORT_MESSAGES[code];
  if (code && (code.startsWith('ERR_TLS') || code.startsWith('ERR_SSL') || /CERT|SIGNATURE/.test(code))) {
    return 'the TLS handshake failed';
  }
  if (error instanceof Error && error.name === 'AbortError') return 'the request was aborted';
  return 'a network error occurred';
}

/** The error's code, looking through `cause` and the first error of an AggregateError (happy eyeballs). */
function errorCode(error: unknown, depth = 0): string | undefined {
  if (typeof error !== 'object' || error === null || depth > 3) return undefined;
  const { code, cause, errors } = error as { code?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === 'string') return code;
  if (Array.isArray(errors) && errors.length > 0) return errorCode(errors[0], depth + 1);
  return errorCode(cause, depth + 1);
}

function statusLine(status: number): string {
  return `the provider answered ${status} ${STATUS_CODES[status] ?? ''}`.trim();
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

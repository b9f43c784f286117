import { STATUS_CODES, type IncomingHttpHeaders } from 'node:http';
import { ProviderError, type ProviderFailureKind } from '@integration-api/core';
import { providerErrorMessage } from '../http/provider-error-message.js';
import { scrubSecrets } from '../http/scrub-secrets.js';
import { parseRetryAfter, type HttpFailureInput } from '../http/upstream-failure.js';

export const AWS_BEDROCK_PROVIDER = 'aws-bedrock';

/**
 * AWS error types (the same names whether they come as an HTTP error or as a stream exception,
 * where they start lowercase) in our terms. AWS answers 403 both for a key it does not know or a
 * bad signature (the credential is wrong) and for a missing IAM permission, so the type decides,
 * never the status alone. `ModelNotReady` and `ServiceQuotaExceeded` mean "later", like throttling.
 */
const KIND_OF_TYPE: Readonly<Record<string, ProviderFailureKind>> = {
  UnrecognizedClientException: 'auth_failed',
  InvalidSignatureException: 'auth_failed',
  SignatureDoesNotMatch: 'auth_failed',
  IncompleteSignature: 'auth_failed',
  IncompleteSignatureException: 'auth_failed',
  InvalidClientTokenId: 'auth_failed',
  ExpiredToken: 'auth_failed',
  ExpiredTokenException: 'auth_failed',
  MissingAuthenticationToken: 'auth_failed',
  MissingAuthenticationTokenException: 'auth_failed',
  AccessDeniedException: 'permission_denied',
  NotAuthorized: 'permission_denied',
  ThrottlingException: 'rate_limited',
  TooManyRequestsException: 'rate_limited',
  ServiceQuotaExceededException: 'rate_limited',
  ModelNotReadyException: 'rate_limited',
  ValidationException: 'invalid_request',
  ResourceNotFoundException: 'invalid_request',
  ConflictException: 'invalid_request',
  SerializationException: 'invalid_request',
  UnknownOperationException: 'invalid_request',
  RequestExpired: 'invalid_request',
  ModelTimeoutException: 'timeout',
  InternalServerException: 'unavailable',
  InternalFailure: 'unavailable',
  ServiceUnavailableException: 'unavailable',
  ServiceUnavailable: 'unavailable',
  ModelErrorException: 'unavailable',
  ModelStreamErrorException: 'unavailable',
};

/**
 * The bare AWS error type: `x-amzn-errortype` (`ThrottlingException:http://internal.amazon.com/…`)
 * or the body's `__type` (`com.amazon.coral.service#UnrecognizedClientException`), stripped of
 * namespace and URI.
 */
export function awsErrorType(headers: IncomingHttpHeaders, bodyText: string): string | undefined {
  const header = headers['x-amzn-errortype'];
  const raw = (Array.isArray(header) ? header[0] : header) ?? bodyField(bodyText, '__type');
  if (!raw) return undefined;
  const name = raw.split(':')[0]!.split('#').pop()!.trim();
  return name || undefined;
}

/**
 * The failure kind of an AWS error type (either case of its first letter); the status decides
 * when the type is unknown.
 */
export function awsBedrockFailureKind(errorType: string | undefined, status?: number): ProviderFailureKind {
  const byType = errorType ? KIND_OF_TYPE[upperFirst(errorType)] : undefined;
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
 * A non-2xx answer of a Bedrock API as a ProviderError named by the AWS error type. The body is
 * `{message}` or `{Message}`, perhaps with `__type`, or a proxy's text.
 */
export function awsBedrockHttpError(input: HttpFailureInput): ProviderError {
  const { status, headers, bodyText, secrets } = input;
  const errorType = awsErrorType(headers, bodyText);
  const message = providerErrorMessage(bodyText) ?? `HTTP ${status} ${STATUS_CODES[status] ?? ''}`.trim();
  const kind = awsBedrockFailureKind(errorType, status);
  const retryAfterSeconds = kind === 'rate_limited' ? parseRetryAfter(headers) : undefined;
  return new ProviderError(kind, AWS_BEDROCK_PROVIDER, describe(errorType, message, secrets), {
    status,
    ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
  });
}

/**
 * An exception or error message inside a stream that had started with 200
 * (`:exception-type: throttlingException` with a `{message}` payload, or `:error-code` with
 * `:error-message`).
 */
export function awsBedrockStreamError(
  errorType: string | undefined,
  message: string | undefined,
  secrets: readonly string[],
): ProviderError {
  return new ProviderError(
    awsBedrockFailureKind(errorType),
    AWS_BEDROCK_PROVIDER,
    describe(errorType && upperFirst(errorType), message || 'the stream reported an error', secrets),
  );
}

function describe(errorType: string | undefined, message: string, secrets: Iterable<string>): string {
  return scrubSecrets(errorType ? `${errorType}: ${message}` : message, secrets);
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function bodyField(bodyText: string, field: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(bodyText);
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const value = (parsed as Record<string, unknown>)[field];
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

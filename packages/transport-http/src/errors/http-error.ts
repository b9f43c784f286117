import { STATUS_CODES } from 'node:http';
import { isDomainError, type ErrorCode } from '@integration-api/core';
import type { FastifySchemaValidationError } from 'fastify';
import { describeValidationErrors } from './validation-field.js';

/** The domain's codes plus the few that only HTTP has. */
export type HttpErrorCode = ErrorCode | 'payload_too_large' | 'unsupported_media_type' | 'method_not_allowed';

/** The one error shape of every response. */
export interface ErrorBody {
  readonly error: {
    readonly code: HttpErrorCode;
    readonly message: string;
    readonly details: Readonly<Record<string, unknown>>;
  };
}

export interface HttpErrorResponse {
  readonly statusCode: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: ErrorBody;
  /** Not a refusal we decided on but a fault: log it in full; the body stays generic. */
  readonly unexpected: boolean;
}

export const STATUS_BY_CODE: Readonly<Record<ErrorCode, number>> = {
  invalid_argument: 400,
  unauthenticated: 401,
  permission_denied: 403,
  not_found: 404,
  conflict: 409,
  version_mismatch: 412,
  verification_failed: 422,
  verification_unsupported: 422,
  provider_unavailable: 503,
  // The provider refused the stored credential: our caller is fine, the upstream is not (502).
  provider_auth_failed: 502,
  provider_permission_denied: 502,
  provider_rate_limited: 429,
  provider_invalid_request: 400,
  provider_timeout: 504,
  provider_error: 502,
  capability_unsupported: 400,
  // The client closed the request (nginx's 499); nobody reads it, but logs do.
  cancelled: 499,
  internal: 500,
};

const CODE_BY_STATUS: Readonly<Record<number, HttpErrorCode>> = {
  400: 'invalid_argument',
  401: 'unauthenticated',
  403: 'permission_denied',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  412: 'version_mismatch',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
};

/** The messages of fastify's own errors we replace, so none echoes request data (FST_ERR_BAD_URL does). */
const FASTIFY_MESSAGES: Readonly<Record<string, string>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'the request body is too large',
  FST_ERR_CTP_INVALID_JSON_BODY: 'the request body is not valid JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'the request body is empty but its content type says JSON',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'the content type is not supported; send application/json',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'the request body does not match its Content-Length',
};

function domainErrorHeaders(
  code: string,
  details: Readonly<Record<string, unknown>>,
): Record<string, string> {
  if (code === 'unauthenticated') return { 'www-authenticate': 'Bearer' };
  const retryAfter = details.retryAfterSeconds;
  if (typeof retryAfter === 'number') return { 'retry-after': String(Math.ceil(retryAfter)) };
  return {};
}

export function errorBody(
  code: HttpErrorCode,
  message: string,
  details: Readonly<Record<string, unknown>> = {},
): ErrorBody {
  return { error: { code, message, details } };
}

interface ErrorLike {
  readonly code?: unknown;
  readonly statusCode?: unknown;
  readonly validation?: unknown;
  readonly validationContext?: unknown;
}

/**
 * Maps anything a request can fail with to its status and body, in one place. Only domain errors
 * and schema errors carry their own message: those are written for callers and hold no values.
 * Anything else gets a fixed message, because its text could contain anything.
 */
export function toHttpError(
  error: unknown,
  { bodyLimitBytes }: { bodyLimitBytes?: number } = {},
): HttpErrorResponse {
  if (isDomainError(error)) {
    return {
      statusCode: STATUS_BY_CODE[error.code],
      headers: domainErrorHeaders(error.code, error.details),
      body: errorBody(error.code, error.message, error.details),
      unexpected: error.code === 'internal',
    };
  }

  const like = (typeof error === 'object' && error !== null ? error : {}) as ErrorLike;
  if (Array.isArray(like.validation)) {
    return refusal(400, validationBody(like.validation, String(like.validationContext ?? 'body')));
  }

  const statusCode = typeof like.statusCode === 'number' ? like.statusCode : 500;
  if (statusCode >= 400 && statusCode < 500) {
    const code = CODE_BY_STATUS[statusCode] ?? 'invalid_argument';
    const fastifyCode = typeof like.code === 'string' ? like.code : '';
    if (fastifyCode === 'FST_ERR_CTP_BODY_TOO_LARGE' && bodyLimitBytes !== undefined) {
      return refusal(
        413,
        errorBody(code, `the request body is larger than ${bodyLimitBytes} bytes`, {
          limitBytes: bodyLimitBytes,
        }),
      );
    }
    const message =
      FASTIFY_MESSAGES[fastifyCode] ?? (STATUS_CODES[statusCode] ?? 'bad request').toLowerCase();
    return refusal(statusCode, errorBody(code, message));
  }

  return {
    statusCode: 500,
    headers: {},
    body: errorBody('internal', 'an unexpected error occurred; it has been logged'),
    unexpected: true,
  };
}

function refusal(statusCode: number, body: ErrorBody): HttpErrorResponse {
  return { statusCode, headers: {}, body, unexpected: false };
}

function validationBody(errors: readonly FastifySchemaValidationError[], location: string): ErrorBody {
  const { field, message } = describeValidationErrors(errors);
  if (field === '') {
    return errorBody('invalid_argument', `the request ${location} ${message}`, { location });
  }
  return errorBody('invalid_argument', `${field}: ${message}`, { field, location });
}

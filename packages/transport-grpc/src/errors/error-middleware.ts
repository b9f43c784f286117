import { isDomainError, type ErrorCode } from '@integration-api/core';
import { ServerError, Status, type CallContext, type Metadata, type ServerMiddleware } from 'nice-grpc';
import { isAbortError } from '../server/add-service.js';

/** Trailing metadata of a failed call: the domain's error code, so callers can branch on it. */
export const ERROR_CODE_METADATA = 'x-error-code';
/** Trailing metadata of a failed call: the request field at fault (`name`, `secret.apiKey`), if one is. */
export const ERROR_FIELD_METADATA = 'x-error-field';
/** Trailing metadata of a rate-limited call: seconds to wait before retrying, as the provider said. */
export const RETRY_AFTER_METADATA = 'retry-after';

/**
 * The one mapping from domain error codes to gRPC status codes.
 * - version_mismatch is ABORTED, as gRPC advises for a failed test-and-set: the caller should read
 *   the credential again and retry its read-modify-write.
 * - verification_failed and verification_unsupported are FAILED_PRECONDITION: the request is well
 *   formed, but the credential (or provider) is not in a state that allows it.
 */
export const GRPC_STATUS_OF: Readonly<Record<ErrorCode, Status>> = {
  invalid_argument: Status.INVALID_ARGUMENT,
  unauthenticated: Status.UNAUTHENTICATED,
  permission_denied: Status.PERMISSION_DENIED,
  not_found: Status.NOT_FOUND,
  conflict: Status.ALREADY_EXISTS,
  version_mismatch: Status.ABORTED,
  verification_failed: Status.FAILED_PRECONDITION,
  verification_unsupported: Status.FAILED_PRECONDITION,
  provider_unavailable: Status.UNAVAILABLE,
  // The provider refused the stored credential: the call cannot succeed until it is replaced.
  provider_auth_failed: Status.FAILED_PRECONDITION,
  provider_permission_denied: Status.PERMISSION_DENIED,
  provider_rate_limited: Status.RESOURCE_EXHAUSTED,
  provider_invalid_request: Status.INVALID_ARGUMENT,
  provider_timeout: Status.DEADLINE_EXCEEDED,
  provider_error: Status.UNKNOWN,
  capability_unsupported: Status.UNIMPLEMENTED,
  cancelled: Status.CANCELLED,
  internal: Status.INTERNAL,
};

const INTERNAL_MESSAGE = 'internal error';

/**
 * Turns an error thrown by a service into the ServerError the client receives, and records its
 * code (and field) in `trailer`. Domain errors keep their message, which is written for callers;
 * anything else becomes INTERNAL with a generic message, since its text may hold anything.
 */
export function toServerError(error: unknown, trailer: Metadata): ServerError {
  if (isDomainError(error) && error.code !== 'internal') {
    trailer.set(ERROR_CODE_METADATA, error.code);
    if (typeof error.details.field === 'string') trailer.set(ERROR_FIELD_METADATA, error.details.field);
    const retryAfter = error.details.retryAfterSeconds;
    if (typeof retryAfter === 'number') trailer.set(RETRY_AFTER_METADATA, String(Math.ceil(retryAfter)));
    return new ServerError(GRPC_STATUS_OF[error.code], error.message);
  }
  trailer.set(ERROR_CODE_METADATA, 'internal');
  return new ServerError(Status.INTERNAL, INTERNAL_MESSAGE);
}

export interface ErrorMiddlewareOptions {
  /** Told about every error that became INTERNAL (to log it); `method` is the call's path. */
  readonly onInternalError?: (error: unknown, method: string) => void;
}

/**
 * Maps every error of the calls below it with toServerError. A ServerError (a service that chose
 * its status, as the health service does) and an abort (the client cancelled) pass unchanged.
 */
export function createErrorMiddleware(options: ErrorMiddlewareOptions = {}): ServerMiddleware {
  return async function* errorMiddleware(call, context: CallContext) {
    try {
      return yield* call.next(call.request, context);
    } catch (error) {
      if (error instanceof ServerError || isAbortError(error)) throw error;
      if (!isDomainError(error) || error.code === 'internal')
        options.onInternalError?.(error, call.method.path);
      throw toServerError(error, context.trailer);
    }
  };
}

import {
  ConflictError,
  DomainError,
  InvalidArgumentError,
  NotFoundError,
  PermissionDeniedError,
  ProviderError,
  ProviderUnavailableError,
  UnauthenticatedError,
  VerificationFailedError,
  VerificationUnsupportedError,
  VersionMismatchError,
} from '@integration-api/core';
import { Metadata, ServerError, Status } from 'nice-grpc';
import { toServerError } from './error-middleware.js';

function mapped(error: unknown) {
  const trailer = Metadata();
  const serverError = toServerError(error, trailer);
  return {
    status: Status[serverError.code],
    details: serverError.details,
    code: trailer.get('x-error-code'),
    field: trailer.get('x-error-field'),
  };
}

describe('toServerError', () => {
  it.each([
    [new InvalidArgumentError('name', 'is required'), 'INVALID_ARGUMENT', 'invalid_argument'],
    [new UnauthenticatedError(), 'UNAUTHENTICATED', 'unauthenticated'],
    [new PermissionDeniedError('credentials:write'), 'PERMISSION_DENIED', 'permission_denied'],
    [new NotFoundError('credential', 'c1'), 'NOT_FOUND', 'not_found'],
    [new ConflictError('taken', { field: 'name' }), 'ALREADY_EXISTS', 'conflict'],
    [new VersionMismatchError(1, 2), 'ABORTED', 'version_mismatch'],
    [
      new VerificationFailedError('invalid_credential', 'bad key'),
      'FAILED_PRECONDITION',
      'verification_failed',
    ],
    [new VerificationUnsupportedError('cohere'), 'FAILED_PRECONDITION', 'verification_unsupported'],
    [new ProviderUnavailableError('openai', 'timed out'), 'UNAVAILABLE', 'provider_unavailable'],
  ])('maps %p to %s with its code in the trailer', (error, status, code) => {
    expect(mapped(error)).toMatchObject({ status, code, details: error.message });
  });

  it('puts the field at fault in the trailer', () => {
    expect(mapped(new InvalidArgumentError('secret.apiKey', 'is required'))).toMatchObject({
      field: 'secret.apiKey',
    });
    expect(mapped(new NotFoundError('credential', 'c1')).field).toBeUndefined();
  });

  it('hides the message of anything that is not a caller-facing domain error', () => {
    for (const error of [
      new Error('password=hunter2'),
      new DomainError('internal', 'key ring hunter2 is broken'),
      'a thrown string',
    ]) {
      expect(mapped(error)).toEqual({
        status: 'INTERNAL',
        details: 'internal error',
        code: 'internal',
        field: undefined,
      });
    }
  });

  it('returns ServerErrors as gRPC errors', () => {
    expect(toServerError(new NotFoundError('credential', 'c1'), Metadata())).toBeInstanceOf(ServerError);
  });
});

describe('toServerError for provider failures', () => {
  it('maps a rate limit to RESOURCE_EXHAUSTED with retry-after in the trailer', () => {
    const trailer = Metadata();
    const error = toServerError(
      new ProviderError('rate_limited', 'openai', 'slow down', { retryAfterSeconds: 3 }),
      trailer,
    );
    expect(error.code).toBe(Status.RESOURCE_EXHAUSTED);
    expect(trailer.get('retry-after')).toBe('3');
    expect(trailer.get('x-error-code')).toBe('provider_rate_limited');
  });

  it('maps a refused stored credential to FAILED_PRECONDITION and a provider timeout to DEADLINE_EXCEEDED', () => {
    expect(toServerError(new ProviderError('auth_failed', 'openai', 'bad key'), Metadata()).code).toBe(
      Status.FAILED_PRECONDITION,
    );
    expect(toServerError(new ProviderError('timeout', 'openai', 'slow'), Metadata()).code).toBe(
      Status.DEADLINE_EXCEEDED,
    );
  });
});

/**
 * Typed errors of the domain. Each transport maps `code` to its own status once, in one place.
 * Messages are written for callers and never contain secret material.
 */
export type ErrorCode =
  | 'invalid_argument'
  | 'unauthenticated'
  | 'permission_denied'
  | 'not_found'
  | 'conflict'
  | 'version_mismatch'
  | 'verification_failed'
  | 'verification_unsupported'
  | 'provider_unavailable'
  | 'internal';

export interface ErrorDetails {
  /** The request field at fault, as a dotted path (`secret.apiKey`, `config.baseUrl`). */
  field?: string;
  [key: string]: unknown;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetails = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class InvalidArgumentError extends DomainError {
  constructor(field: string, message: string) {
    super('invalid_argument', `${field}: ${message}`, { field });
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = 'a valid bearer token is required') {
    super('unauthenticated', message);
  }
}

export class PermissionDeniedError extends DomainError {
  constructor(scope: string) {
    super('permission_denied', `the token lacks the scope ${scope}`, { scope });
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string, id: string) {
    super('not_found', `${what} ${id} was not found`, { id });
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, details: ErrorDetails = {}) {
    super('conflict', message, details);
  }
}

export class VersionMismatchError extends DomainError {
  constructor(expected: number, actual: number) {
    super('version_mismatch', `the credential is at version ${actual}, not ${expected}`, {
      expectedVersion: expected,
      currentVersion: actual,
    });
  }
}

/** The provider answered and refused the credential (bad key, missing permission). */
export class VerificationFailedError extends DomainError {
  constructor(reason: 'invalid_credential' | 'permission_denied', providerMessage: string) {
    super('verification_failed', `the provider refused the credential: ${providerMessage}`, { reason });
  }
}

export class VerificationUnsupportedError extends DomainError {
  constructor(provider: string) {
    super(
      'verification_unsupported',
      `verification is not available for provider ${provider} yet; save it with "verify": false`,
      { provider },
    );
  }
}

/** The provider could not be reached or answered with a server error; nothing was decided. */
export class ProviderUnavailableError extends DomainError {
  constructor(provider: string, message: string) {
    super('provider_unavailable', `${provider} is unavailable: ${message}`, { provider });
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}

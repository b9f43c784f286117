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
  | 'provider_auth_failed'
  | 'provider_permission_denied'
  | 'provider_rate_limited'
  | 'provider_invalid_request'
  | 'provider_timeout'
  | 'provider_error'
  | 'capability_unsupported'
  | 'cancelled'
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

/** How a provider failed a call, in the terms callers act on. */
export type ProviderFailureKind =
  | 'auth_failed'
  | 'permission_denied'
  | 'rate_limited'
  | 'invalid_request'
  | 'unavailable'
  | 'timeout'
  | 'error';

const CODE_OF_FAILURE: Readonly<Record<ProviderFailureKind, ErrorCode>> = {
  auth_failed: 'provider_auth_failed',
  permission_denied: 'provider_permission_denied',
  rate_limited: 'provider_rate_limited',
  invalid_request: 'provider_invalid_request',
  unavailable: 'provider_unavailable',
  timeout: 'provider_timeout',
  error: 'provider_error',
};

/**
 * A provider refused or failed an inference call. The message is the provider's own (scrubbed of
 * secrets by the adapter) prefixed with the provider id.
 */
export class ProviderError extends DomainError {
  constructor(
    readonly kind: ProviderFailureKind,
    readonly provider: string,
    message: string,
    extra: { readonly retryAfterSeconds?: number; readonly status?: number } = {},
  ) {
    super(CODE_OF_FAILURE[kind], `${provider}: ${message}`, { provider, ...extra });
  }

  get retryAfterSeconds(): number | undefined {
    return this.details.retryAfterSeconds as number | undefined;
  }
}

export class CapabilityUnsupportedError extends DomainError {
  constructor(provider: string, capability: string) {
    super('capability_unsupported', `provider ${provider} does not support ${capability}`, {
      provider,
      capability,
    });
  }
}

/** The caller went away or its deadline passed; the upstream call was aborted. */
export class CancelledError extends DomainError {
  constructor(message = 'the call was cancelled') {
    super('cancelled', message);
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}

import {
  CancelledError,
  DomainError,
  ProviderError,
  type ProviderFailureKind,
  type ProviderId,
} from '@integration-api/core';
import { classifyTransportError, type UpstreamFailure } from './upstream-failure.js';

const KIND_OF_FAILURE: Readonly<Record<UpstreamFailure['kind'], ProviderFailureKind>> = {
  invalid_credential: 'auth_failed',
  permission_denied: 'permission_denied',
  rate_limited: 'rate_limited',
  rejected: 'invalid_request',
  timeout: 'timeout',
  unavailable: 'unavailable',
};

/** An upstream failure of an inference call, as the ProviderError callers act on. */
export function providerErrorOf(provider: ProviderId, failure: UpstreamFailure): ProviderError {
  return new ProviderError(KIND_OF_FAILURE[failure.kind], provider, failure.message, {
    ...(failure.kind === 'rate_limited' && failure.retryAfterSeconds !== undefined
      ? { retryAfterSeconds: failure.retryAfterSeconds }
      : {}),
    ...(failure.status !== undefined ? { status: failure.status } : {}),
  });
}

/**
 * The inverse of providerErrorOf, for a provider whose own mapping makes ProviderErrors but whose
 * verification reads failures (verifyOutcomeFor). A missing status gets the usual one of its kind.
 */
export function upstreamFailureOf(error: ProviderError): UpstreamFailure {
  const message = messageWithoutProvider(error);
  const status = error.details.status as number | undefined;
  switch (error.kind) {
    case 'auth_failed':
      return { kind: 'invalid_credential', status: status ?? 401, message };
    case 'permission_denied':
      return { kind: 'permission_denied', status: status ?? 403, message };
    case 'rate_limited':
      return {
        kind: 'rate_limited',
        status: status ?? 429,
        message,
        ...(error.retryAfterSeconds !== undefined ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
      };
    case 'invalid_request':
      return { kind: 'rejected', status: status ?? 400, message };
    case 'timeout':
      return { kind: 'timeout', ...(status !== undefined ? { status } : {}), message };
    default:
      return { kind: 'unavailable', ...(status !== undefined ? { status } : {}), message };
  }
}

/** A ProviderError's message without the `{provider}: ` its constructor put in front. */
export function messageWithoutProvider(error: ProviderError, provider: string = error.provider): string {
  const prefix = `${provider}: `;
  return error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
}

/**
 * What an adapter throws for an error raised while calling or reading a provider: the caller's
 * abort is a cancellation whatever undici made of it, domain errors pass through, and network
 * errors and timeouts become ProviderError.
 */
export function providerErrorFromThrown(
  provider: ProviderId,
  error: unknown,
  signal?: AbortSignal,
): DomainError {
  if (signal?.aborted) return error instanceof CancelledError ? error : new CancelledError();
  if (error instanceof DomainError) return error;
  return providerErrorOf(provider, classifyTransportError(error));
}

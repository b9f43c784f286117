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

import { CancelledError, InvalidArgumentError, ProviderError } from '@integration-api/core';
import {
  messageWithoutProvider,
  providerErrorFromThrown,
  providerErrorOf,
  upstreamFailureOf,
} from './provider-error.js';
import { classifyHttpFailure } from './upstream-failure.js';

const failureFor = (status: number, headers: Record<string, string> = {}) =>
  classifyHttpFailure({
    status,
    headers,
    bodyText: JSON.stringify({ error: { message: 'key sk-live-0123456789abcdef was refused' } }),
    secrets: ['sk-live-0123456789abcdef'],
  });

describe('providerErrorOf', () => {
  it.each([
    [401, 'auth_failed', 'provider_auth_failed'],
    [403, 'permission_denied', 'provider_permission_denied'],
    [429, 'rate_limited', 'provider_rate_limited'],
    [400, 'invalid_request', 'provider_invalid_request'],
    [404, 'invalid_request', 'provider_invalid_request'],
    [422, 'invalid_request', 'provider_invalid_request'],
    [408, 'timeout', 'provider_timeout'],
    [500, 'unavailable', 'provider_unavailable'],
    [503, 'unavailable', 'provider_unavailable'],
  ])('maps an HTTP %i to %s', (status, kind, code) => {
    const error = providerErrorOf('openai', failureFor(status));
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ kind, code, provider: 'openai', details: { status } });
  });

  it("keeps the provider's message without the secret", () => {
    const error = providerErrorOf('mistral', failureFor(400));
    expect(error.message).toBe('mistral: key [redacted] was refused');
  });

  it('carries the wait of a rate limit', () => {
    const error = providerErrorOf('openai', failureFor(429, { 'retry-after': '12' }));
    expect(error.retryAfterSeconds).toBe(12);
    expect(error.details).toMatchObject({ retryAfterSeconds: 12, status: 429 });
  });
});

describe('providerErrorFromThrown', () => {
  it('turns any error into a cancellation once the caller aborted', () => {
    const controller = new AbortController();
    controller.abort();
    const error = providerErrorFromThrown('openai', new Error('socket hang up'), controller.signal);
    expect(error).toBeInstanceOf(CancelledError);
  });

  it('passes domain errors through', () => {
    const own = new InvalidArgumentError('secret.apiKey', 'is required');
    expect(providerErrorFromThrown('openai', own)).toBe(own);
  });

  it('classifies network errors and timeouts', () => {
    expect(providerErrorFromThrown('openai', { code: 'UND_ERR_BODY_TIMEOUT' })).toMatchObject({
      kind: 'timeout',
      message: 'openai: timed out while reading the response',
    });
    expect(providerErrorFromThrown('openai', { code: 'ECONNREFUSED' })).toMatchObject({
      kind: 'unavailable',
      message: 'openai: connection refused',
    });
  });
});

describe('upstreamFailureOf', () => {
  it.each([401, 403, 429, 400, 408, 500])('undoes providerErrorOf for an HTTP %i', (status) => {
    const failure = failureFor(status, { 'retry-after': '7' });
    expect(upstreamFailureOf(providerErrorOf('openai', failure))).toEqual(failure);
  });

  it('reads an error of no HTTP kind as unavailable, without the provider in the message', () => {
    expect(upstreamFailureOf(new ProviderError('error', 'cohere', 'the answer is not valid JSON'))).toEqual({
      kind: 'unavailable',
      message: 'the answer is not valid JSON',
    });
  });

  it('gives a refusal without a status the usual one of its kind', () => {
    expect(upstreamFailureOf(new ProviderError('permission_denied', 'aws-bedrock', 'no'))).toEqual({
      kind: 'permission_denied',
      status: 403,
      message: 'no',
    });
  });
});

describe('messageWithoutProvider', () => {
  it('drops the provider the constructor put in front, once', () => {
    expect(messageWithoutProvider(new ProviderError('error', 'openai', 'openai: x'))).toBe('openai: x');
  });

  it('leaves a message that does not start with the named provider as it is', () => {
    expect(messageWithoutProvider(new ProviderError('error', 'openai', 'x'), 'mistral')).toBe('openai: x');
  });
});

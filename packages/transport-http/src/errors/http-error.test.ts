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
import { toHttpError } from './http-error.js';

describe('toHttpError', () => {
  it.each([
    [new InvalidArgumentError('name', 'is required'), 400, 'invalid_argument'],
    [new UnauthenticatedError(), 401, 'unauthenticated'],
    [new PermissionDeniedError('credentials:write'), 403, 'permission_denied'],
    [new NotFoundError('credential', 'x'), 404, 'not_found'],
    [new ConflictError('taken', { field: 'name' }), 409, 'conflict'],
    [new VersionMismatchError(1, 2), 412, 'version_mismatch'],
    [new VerificationFailedError('invalid_credential', 'bad key'), 422, 'verification_failed'],
    [new VerificationUnsupportedError('mistral'), 422, 'verification_unsupported'],
    [new ProviderUnavailableError('openai', 'timeout'), 503, 'provider_unavailable'],
    [new DomainError('internal', 'broken invariant'), 500, 'internal'],
  ])('maps %p to %i %s, keeping its message and details', (error, status, code) => {
    const response = toHttpError(error);
    expect(response.statusCode).toBe(status);
    expect(response.body).toEqual({ error: { code, message: error.message, details: error.details } });
  });

  it('asks for a bearer token on 401', () => {
    expect(toHttpError(new UnauthenticatedError()).headers).toEqual({ 'www-authenticate': 'Bearer' });
  });

  it('hides the message of an unexpected error and marks it for logging', () => {
    const response = toHttpError(new TypeError('cannot read apiKey sk-live-123 of undefined'));
    expect(response).toMatchObject({ statusCode: 500, unexpected: true });
    expect(JSON.stringify(response.body)).not.toContain('sk-live-123');
  });

  it('replaces the message of a client error that is not a domain error', () => {
    const error = Object.assign(new Error("'/%E0%A4%A' is not a valid url component"), {
      statusCode: 400,
      code: 'FST_ERR_BAD_URL',
    });
    const response = toHttpError(error);
    expect(response.statusCode).toBe(400);
    expect(response.body.error.code).toBe('invalid_argument');
    expect(response.body.error.message).not.toContain('%E0');
  });

  it('treats a thrown non-error as unexpected', () => {
    expect(toHttpError('a string').statusCode).toBe(500);
    expect(toHttpError(undefined).statusCode).toBe(500);
  });

  it('names the field of a schema error with where it was found', () => {
    const error = Object.assign(new Error('body/config/baseUrl must be string'), {
      statusCode: 400,
      validationContext: 'body',
      validation: [
        {
          keyword: 'type',
          instancePath: '/config/baseUrl',
          schemaPath: '#',
          params: { type: 'string' },
          message: 'must be string',
        },
      ],
    });
    expect(toHttpError(error).body).toEqual({
      error: {
        code: 'invalid_argument',
        message: 'config.baseUrl: must be string',
        details: { field: 'config.baseUrl', location: 'body' },
      },
    });
  });
});

describe('toHttpError for provider failures', () => {
  it('answers a rate limit with 429 and the provider retry-after', () => {
    const mapped = toHttpError(
      new ProviderError('rate_limited', 'openai', 'slow down', { retryAfterSeconds: 2.5 }),
    );
    expect(mapped).toMatchObject({ statusCode: 429, headers: { 'retry-after': '3' } });
    expect(mapped.body.error.code).toBe('provider_rate_limited');
  });

  it.each([
    ['auth_failed', 502, 'provider_auth_failed'],
    ['invalid_request', 400, 'provider_invalid_request'],
    ['unavailable', 503, 'provider_unavailable'],
    ['timeout', 504, 'provider_timeout'],
  ] as const)('keeps the meaning of %s', (kind, status, code) => {
    const mapped = toHttpError(new ProviderError(kind, 'openai', 'x'));
    expect(mapped.statusCode).toBe(status);
    expect(mapped.body.error.code).toBe(code);
  });
});

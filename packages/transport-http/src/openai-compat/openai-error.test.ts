import {
  CancelledError,
  CapabilityUnsupportedError,
  DomainError,
  InvalidArgumentError,
  PermissionDeniedError,
  ProviderError,
  ProviderUnavailableError,
  UnauthenticatedError,
} from '@integration-api/core';
import { toOpenAiError } from './openai-error.js';

describe('toOpenAiError', () => {
  it('names the field as the OpenAI client sent it, in the message too', () => {
    expect(toOpenAiError(new InvalidArgumentError('topP', 'must be a number from 0 to 1'))).toMatchObject({
      statusCode: 400,
      body: {
        error: {
          message: 'top_p: must be a number from 0 to 1',
          type: 'invalid_request_error',
          param: 'top_p',
          code: 'invalid_argument',
        },
      },
    });
  });

  it('names the field of a schema error with bracketed indexes', () => {
    const error = Object.assign(new Error('body/messages/0/role must be string'), {
      statusCode: 400,
      validationContext: 'body',
      validation: [
        {
          keyword: 'type',
          instancePath: '/messages/0/role',
          schemaPath: '#',
          params: {},
          message: 'must be string',
        },
      ],
    });
    expect(toOpenAiError(error).body.error).toEqual({
      message: 'messages[0].role: must be string',
      type: 'invalid_request_error',
      param: 'messages[0].role',
      code: 'invalid_argument',
    });
  });

  it.each([
    [new UnauthenticatedError(), 401, 'authentication_error', 'invalid_api_key', null],
    [new PermissionDeniedError('inference'), 403, 'permission_error', 'permission_denied', null],
    [new DomainError('not_found', 'gone'), 404, 'invalid_request_error', 'model_not_found', 'model'],
    [
      new CapabilityUnsupportedError('cohere', 'embeddings'),
      400,
      'invalid_request_error',
      'capability_unsupported',
      'model',
    ],
    [
      new CapabilityUnsupportedError('cohere', 'tools'),
      400,
      'invalid_request_error',
      'capability_unsupported',
      'tools',
    ],
    [
      new CapabilityUnsupportedError('cohere', 'vision'),
      400,
      'invalid_request_error',
      'capability_unsupported',
      'messages',
    ],
    [
      new ProviderError('rate_limited', 'openai', 'slow'),
      429,
      'rate_limit_error',
      'rate_limit_exceeded',
      null,
    ],
    [
      new ProviderError('invalid_request', 'openai', 'bad'),
      400,
      'invalid_request_error',
      'provider_invalid_request',
      null,
    ],
    [
      new ProviderError('invalid_request', 'openai', 'no such model', { status: 404 }),
      404,
      'invalid_request_error',
      'model_not_found',
      'model',
    ],
    [
      new ProviderError('auth_failed', 'openai', 'bad key'),
      502,
      'upstream_error',
      'provider_auth_failed',
      null,
    ],
    [new ProviderError('error', 'openai', 'odd'), 502, 'upstream_error', 'provider_error', null],
    [new ProviderUnavailableError('openai', 'down'), 503, 'upstream_error', 'provider_unavailable', null],
    [new ProviderError('timeout', 'openai', 'slow'), 504, 'upstream_error', 'provider_timeout', null],
    [new CancelledError(), 499, 'invalid_request_error', 'cancelled', null],
  ])('maps %p to %i %s %s', (error, status, type, code, param) => {
    const { statusCode, body } = toOpenAiError(error);
    expect({ statusCode, ...body.error }).toEqual({
      statusCode: status,
      message: expect.any(String),
      type,
      code,
      param,
    });
  });

  it('keeps the Retry-After of a rate limit and the challenge of a 401', () => {
    expect(
      toOpenAiError(new ProviderError('rate_limited', 'openai', 'x', { retryAfterSeconds: 1.5 })).headers,
    ).toEqual({
      'retry-after': '2',
    });
    expect(toOpenAiError(new UnauthenticatedError()).headers).toEqual({ 'www-authenticate': 'Bearer' });
  });

  it('hides an unexpected error behind a server_error and marks it for logging', () => {
    const response = toOpenAiError(new TypeError('cannot read sk-live-123'));
    expect(response).toMatchObject({
      statusCode: 500,
      unexpected: true,
      body: { error: { type: 'server_error' } },
    });
    expect(JSON.stringify(response.body)).not.toContain('sk-live-123');
  });

  it('answers a body over the limit with 413', () => {
    const error = Object.assign(new Error('too large'), {
      statusCode: 413,
      code: 'FST_ERR_CTP_BODY_TOO_LARGE',
    });
    expect(toOpenAiError(error, { bodyLimitBytes: 1024 })).toMatchObject({
      statusCode: 413,
      body: { error: { type: 'invalid_request_error', code: 'payload_too_large', param: null } },
    });
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { anthropicFailureKind, anthropicHttpError, anthropicStreamError } from './anthropic-error.js';

const fixture = (name: string) => readFileSync(join(__dirname, '__fixtures__', name), 'utf8');

describe('anthropicHttpError', () => {
  it('treats an overloaded API (529) as unavailable and keeps the wait it asked for', () => {
    const error = anthropicHttpError({
      status: 529,
      headers: { 'retry-after': '12' },
      bodyText: fixture('anthropic-overloaded-error.json'),
      secrets: [],
    });
    expect(error).toMatchObject({
      kind: 'unavailable',
      code: 'provider_unavailable',
      message: 'anthropic: overloaded_error: Overloaded',
      details: { provider: 'anthropic', status: 529, retryAfterSeconds: 12 },
    });
  });

  it('keeps Anthropic’s explanation of an invalid request', () => {
    const error = anthropicHttpError({
      status: 400,
      headers: {},
      bodyText: fixture('anthropic-invalid-request-error.json'),
      secrets: [],
    });
    expect(error.kind).toBe('invalid_request');
    expect(error.message).toContain('tool_use.input: Input should be a valid dictionary');
  });

  it('never repeats the secret, even when the provider echoes it', () => {
    const secret = 'sk-ant-api03-leakedkeyvalue0000';
    const error = anthropicHttpError({
      status: 401,
      headers: {},
      bodyText: fixture('anthropic-authentication-error.json'),
      secrets: [secret],
    });
    expect(error.kind).toBe('auth_failed');
    expect(error.message).not.toContain(secret);
    expect(error.message).toContain('[redacted]');
  });

  it('reads a rate limit and its retry-after', () => {
    const error = anthropicHttpError({
      status: 429,
      headers: { 'retry-after': '30' },
      bodyText: JSON.stringify({
        type: 'error',
        error: {
          type: 'rate_limit_error',
          message: 'Number of request tokens has exceeded your per-minute rate limit',
        },
      }),
      secrets: [],
    });
    expect(error).toMatchObject({ kind: 'rate_limited', retryAfterSeconds: 30 });
  });

  it('falls back on the status for a body that is not Anthropic’s', () => {
    const error = anthropicHttpError({
      status: 502,
      headers: {},
      bodyText: '<html><body>Bad gateway</body></html>',
      secrets: [],
    });
    expect(error).toMatchObject({ kind: 'unavailable', message: 'anthropic: HTTP 502 Bad Gateway' });
  });
});

describe('anthropicStreamError', () => {
  it('turns a mid-stream error event into a provider error by its type', () => {
    expect(
      anthropicStreamError({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }, []),
    ).toMatchObject({ kind: 'unavailable', message: 'anthropic: overloaded_error: Overloaded' });
  });

  it('is a plain provider error when the event says nothing', () => {
    expect(anthropicStreamError({ type: 'error' }, [])).toMatchObject({
      kind: 'error',
      message: 'anthropic: the stream reported an error',
    });
  });
});

describe('anthropicFailureKind', () => {
  it.each([
    ['invalid_request_error', 'invalid_request'],
    ['not_found_error', 'invalid_request'],
    ['request_too_large', 'invalid_request'],
    ['authentication_error', 'auth_failed'],
    ['permission_error', 'permission_denied'],
    ['billing_error', 'permission_denied'],
    ['rate_limit_error', 'rate_limited'],
    ['timeout_error', 'timeout'],
    ['api_error', 'unavailable'],
    ['overloaded_error', 'unavailable'],
  ])('maps the error type %s to %s', (type, kind) => {
    expect(anthropicFailureKind(type)).toBe(kind);
  });

  it.each([
    [401, 'auth_failed'],
    [403, 'permission_denied'],
    [404, 'invalid_request'],
    [429, 'rate_limited'],
    [504, 'timeout'],
    [500, 'unavailable'],
    [529, 'unavailable'],
  ])('maps the status %d to %s when the type is unknown', (status, kind) => {
    expect(anthropicFailureKind('brand_new_error', status)).toBe(kind);
  });
});

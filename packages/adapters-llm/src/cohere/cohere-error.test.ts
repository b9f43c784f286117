import { ProviderError } from '@integration-api/core';
import { cohereError } from './cohere-error.js';

const secret = 'co-test-secret-4f9a2b7c1d';

describe('cohereError', () => {
  it.each([
    [400, 'provider_invalid_request'],
    [401, 'provider_auth_failed'],
    [402, 'provider_permission_denied'],
    [403, 'provider_permission_denied'],
    [404, 'provider_invalid_request'],
    [408, 'provider_timeout'],
    [422, 'provider_invalid_request'],
    [429, 'provider_rate_limited'],
    [498, 'provider_auth_failed'],
    [499, 'provider_unavailable'],
    [500, 'provider_unavailable'],
    [503, 'provider_unavailable'],
  ])('maps status %i to %s', (status, code) => {
    const error = cohereError({ status, bodyText: '{"message":"nope"}', secrets: [] });
    expect(error).toBeInstanceOf(ProviderError);
    expect(error.code).toBe(code);
    expect(error.details).toMatchObject({ provider: 'cohere', status });
  });

  it("keeps Cohere's own message", () => {
    const error = cohereError({
      status: 400,
      bodyText: JSON.stringify({ id: 'e1', message: 'invalid request: message must not be empty in a turn' }),
      secrets: [],
    });
    expect(error.message).toBe('cohere: invalid request: message must not be empty in a turn');
  });

  it('never repeats the secret', () => {
    const error = cohereError({
      status: 401,
      bodyText: JSON.stringify({ message: `invalid api token ${secret}` }),
      secrets: [secret],
    });
    expect(error.message).toBe('cohere: invalid api token [redacted]');
    expect(JSON.stringify(error.details)).not.toContain(secret);
  });

  it('reads how long to wait from a 429', () => {
    const error = cohereError({
      status: 429,
      bodyText: JSON.stringify({
        message: 'You are using a Trial key, which is limited to 10 API calls / minute.',
      }),
      secrets: [],
      headers: { 'retry-after': '12' },
    });
    expect(error.retryAfterSeconds).toBe(12);
  });

  it('falls back to the status line for an HTML or empty body', () => {
    expect(cohereError({ status: 502, bodyText: '<html>bad gateway</html>', secrets: [] }).message).toBe(
      'cohere: the provider answered 502 Bad Gateway',
    );
    expect(cohereError({ status: 500, bodyText: '', secrets: [] }).message).toBe(
      'cohere: the provider answered 500 Internal Server Error',
    );
  });
});

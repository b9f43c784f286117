import { classifyHttpFailure, classifyTransportError, parseRetryAfter } from './upstream-failure.js';

const openaiError = (message: string) => JSON.stringify({ error: { message } });

describe('classifyHttpFailure', () => {
  it.each([
    [401, 'invalid_credential'],
    [403, 'permission_denied'],
    [429, 'rate_limited'],
    [400, 'rejected'],
    [404, 'rejected'],
    [422, 'rejected'],
    [408, 'timeout'],
    [500, 'unavailable'],
    [502, 'unavailable'],
    [503, 'unavailable'],
    [529, 'unavailable'],
    [302, 'unavailable'],
  ])('maps status %i to %s', (status, kind) => {
    expect(classifyHttpFailure({ status, headers: {}, bodyText: openaiError('m'), secrets: [] }).kind).toBe(
      kind,
    );
  });

  it("keeps the provider's message, scrubbed of the secret", () => {
    const failure = classifyHttpFailure({
      status: 401,
      headers: {},
      bodyText: openaiError('key my-secret-value is wrong'),
      secrets: ['my-secret-value'],
    });
    expect(failure).toEqual({ kind: 'invalid_credential', status: 401, message: 'key [redacted] is wrong' });
  });

  it('falls back to the status line when the body says nothing', () => {
    const failure = classifyHttpFailure({ status: 503, headers: {}, bodyText: '<html></html>', secrets: [] });
    expect(failure.message).toBe('the provider answered 503 Service Unavailable');
  });

  it('carries the retry-after of a 429', () => {
    const failure = classifyHttpFailure({
      status: 429,
      headers: { 'retry-after': '20' },
      bodyText: openaiError('Rate limit reached'),
      secrets: [],
    });
    expect(failure).toEqual({
      kind: 'rate_limited',
      status: 429,
      message: 'Rate limit reached',
      retryAfterSeconds: 20,
    });
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-01-01T00:00:00Z');

  it('reads seconds, milliseconds and HTTP dates', () => {
    expect(parseRetryAfter({ 'retry-after': '7' }, now)).toBe(7);
    expect(parseRetryAfter({ 'retry-after': '1.5' }, now)).toBe(2);
    expect(parseRetryAfter({ 'retry-after-ms': '2500', 'retry-after': '9' }, now)).toBe(3);
    expect(parseRetryAfter({ 'retry-after': 'Wed, 01 Jan 2025 00:00:30 GMT' }, now)).toBe(30);
  });

  it('ignores missing or malformed values', () => {
    expect(parseRetryAfter({}, now)).toBeUndefined();
    expect(parseRetryAfter({ 'retry-after': 'soon' }, now)).toBeUndefined();
  });
});

describe('classifyTransportError', () => {
  it.each([
    [{ code: 'UND_ERR_CONNECT_TIMEOUT' }, 'timed out while connecting'],
    [{ code: 'ECONNREFUSED' }, 'connection refused'],
    [{ errors: [{ code: 'ECONNREFUSED' }, { code: 'ECONNREFUSED' }] }, 'connection refused'],
    [{ cause: { code: 'ENOTFOUND' } }, 'the host name does not resolve'],
    [{ code: 'UND_ERR_SOCKET' }, 'the connection closed unexpectedly'],
    [{ code: 'CERT_HAS_EXPIRED' }, 'the TLS handshake failed'],
    [{ code: 'INTEGRATION_PRIVATE_UPSTREAM' }, 'the upstream host resolves to a private or loopback address'],
    [new Error('boom'), 'a network error occurred'],
  ])('describes %j as unavailable', (error, message) => {
    expect(classifyTransportError(error)).toEqual({ kind: 'unavailable', message });
  });

  it.each([
    [{ code: 'UND_ERR_HEADERS_TIMEOUT' }, 'timed out waiting for a response'],
    [{ code: 'UND_ERR_BODY_TIMEOUT' }, 'timed out while reading the response'],
  ])('describes %j as a timeout', (error, message) => {
    expect(classifyTransportError(error)).toEqual({ kind: 'timeout', message });
  });
});

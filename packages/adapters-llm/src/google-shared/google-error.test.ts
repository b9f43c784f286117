import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ProviderError } from '@integration-api/core';
import {
  classifyGoogleFailure,
  googleProviderError,
  googleStreamError,
  parseRetryDelay,
} from './google-error.js';

const fixture = (name: string) => readFileSync(join(__dirname, '__fixtures__', name), 'utf8');
const API_KEY = 'AIzaSyD-0123456789abcdefghijklmnopqrstu';

const classify = (status: number, bodyText: string, headers: Record<string, string> = {}) =>
  classifyGoogleFailure({ status, headers, bodyText, secrets: [API_KEY] });

describe('classifyGoogleFailure', () => {
  it('reads a 429 with RetryInfo as rate limited, waiting the retry delay rounded up', () => {
    expect(classify(429, fixture('google-rate-limited.json'))).toEqual({
      kind: 'rate_limited',
      status: 429,
      message:
        'Quota exceeded for metric: generate_content_free_tier_requests, limit: 10. Please retry in 12.7s.',
      retryAfterSeconds: 13,
    });
  });

  it('falls back to Retry-After when the body has no RetryInfo', () => {
    const body = JSON.stringify({
      error: { code: 429, message: 'Resource exhausted', status: 'RESOURCE_EXHAUSTED' },
    });
    expect(classify(429, body, { 'retry-after': '7' })).toMatchObject({
      kind: 'rate_limited',
      retryAfterSeconds: 7,
    });
    expect(classify(429, body)).not.toHaveProperty('retryAfterSeconds');
  });

  it('reads the Gemini API’s 400 API_KEY_INVALID as an invalid credential, not a bad request', () => {
    expect(classify(400, fixture('gemini-api-key-invalid.json'))).toEqual({
      kind: 'invalid_credential',
      status: 400,
      message: 'API key not valid. Please pass a valid API key.',
    });
  });

  it('reads other 400s as rejected requests', () => {
    expect(classify(400, fixture('gemini-invalid-argument.json'))).toEqual({
      kind: 'rejected',
      status: 400,
      message:
        '* GenerateContentRequest.generation_config.stop_sequences: at most 5 stop sequences are supported',
    });
  });

  it('reads Vertex’s 401 and 403 as credential failures', () => {
    expect(classify(401, fixture('vertex-unauthenticated.json')).kind).toBe('invalid_credential');
    expect(classify(403, fixture('vertex-permission-denied.json')).kind).toBe('permission_denied');
  });

  it('reads an array-wrapped error body, as the streaming endpoint sends', () => {
    expect(classify(404, fixture('vertex-model-not-found.json'))).toMatchObject({
      kind: 'rejected',
      message: expect.stringMatching(/^Publisher Model .* was not found/),
    });
  });

  it.each([
    [500, 'INTERNAL', 'unavailable'],
    [503, 'UNAVAILABLE', 'unavailable'],
    [504, 'DEADLINE_EXCEEDED', 'timeout'],
    [408, undefined, 'timeout'],
  ])('reads %i %s as %s', (status, rpcStatus, kind) => {
    const body = JSON.stringify({ error: { code: status, message: 'try later', status: rpcStatus } });
    expect(classify(status, body).kind).toBe(kind);
  });

  it('scrubs the API key from the message', () => {
    const body = JSON.stringify({
      error: { code: 400, message: `Key ${API_KEY} rejected`, status: 'INVALID_ARGUMENT' },
    });
    expect(classify(400, body).message).toBe('Key [redacted] rejected');
  });

  it('describes a body without a message by its status, ignoring HTML pages', () => {
    expect(classify(502, '<html><body>Bad Gateway</body></html>').message).toBe(
      'the provider answered 502 Bad Gateway',
    );
    expect(classify(503, 'upstream connect error').message).toBe('upstream connect error');
  });
});

describe('googleProviderError', () => {
  it('carries the kind, the status and the retry delay', () => {
    const error = googleProviderError('google-gemini', {
      status: 429,
      headers: {},
      bodyText: fixture('google-rate-limited.json'),
      secrets: [API_KEY],
    });
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({
      kind: 'rate_limited',
      code: 'provider_rate_limited',
      retryAfterSeconds: 13,
      details: { provider: 'google-gemini', status: 429 },
    });
  });
});

describe('googleStreamError', () => {
  it('classifies an error sent inside a stream by its code', () => {
    const error = googleStreamError(
      'google-vertex',
      { code: 503, message: 'The model is overloaded. Please try again later.', status: 'UNAVAILABLE' },
      [],
    );
    expect(error).toMatchObject({
      kind: 'unavailable',
      message: 'google-vertex: The model is overloaded. Please try again later.',
      details: { status: 503 },
    });
  });

  it('treats an error without a usable code as a server error', () => {
    expect(googleStreamError('google-gemini', { message: 'boom' }, [])).toMatchObject({
      kind: 'unavailable',
    });
  });
});

describe('parseRetryDelay', () => {
  it.each([
    ['34.4s', 35],
    ['1s', 1],
    ['0.250s', 1],
    ['0s', 0],
    ['soon', undefined],
    [12, undefined],
  ])('%j → %j', (value, seconds) => {
    expect(parseRetryDelay(value)).toBe(seconds);
  });
});

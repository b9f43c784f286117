import { ProviderError } from '@integration-api/core';
import { openAICompatibleErrorOf } from './openai-compatible-error.js';

describe('openAICompatibleErrorOf', () => {
  it('reads an OpenAI error object, keeping its message', () => {
    const error = openAICompatibleErrorOf(
      'openai',
      { error: { message: 'The server had an error while processing your request.', type: 'server_error' } },
      [],
    );
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({
      kind: 'unavailable',
      message: 'openai: The server had an error while processing your request.',
    });
  });

  it.each([
    [{ error: { message: 'm', type: 'insufficient_quota', code: 'insufficient_quota' } }, 'rate_limited'],
    [{ error: { message: 'm', code: 'rate_limit_exceeded' } }, 'rate_limited'],
    [
      { error: { message: 'm', type: 'invalid_request_error', code: 'context_length_exceeded' } },
      'invalid_request',
    ],
    [{ error: { message: 'm', code: '401' } }, 'auth_failed'],
    [{ object: 'error', message: 'm', type: 'BadRequestError', code: 400 }, 'invalid_request'],
    [{ error: 'Model is overloaded', error_type: 'overloaded' }, 'unavailable'],
    [{ error: { message: 'm' } }, 'error'],
  ])('classifies %j as %s', (payload, kind) => {
    expect(openAICompatibleErrorOf('openai', payload, [])?.kind).toBe(kind);
  });

  it('scrubs the secret from the message', () => {
    const error = openAICompatibleErrorOf('mistral', { error: { message: 'key abc-secret-1 is invalid' } }, [
      'abc-secret-1',
    ]);
    expect(error?.message).toBe('mistral: key [redacted] is invalid');
  });

  it('finds no error in an ordinary chunk', () => {
    expect(openAICompatibleErrorOf('openai', { id: 'x', choices: [], error: null }, [])).toBeUndefined();
    expect(openAICompatibleErrorOf('openai', [1, 2], [])).toBeUndefined();
  });
});

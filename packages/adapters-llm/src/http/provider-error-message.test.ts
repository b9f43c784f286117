import { providerErrorMessage } from './provider-error-message.js';

describe('providerErrorMessage', () => {
  it.each([
    ['OpenAI / Anthropic', { error: { message: 'bad key', type: 'invalid_request_error' } }, 'bad key'],
    ['Google (array-wrapped)', [{ error: { code: 400, message: 'API key not valid' } }], 'API key not valid'],
    [
      'Hugging Face',
      { error: 'Invalid credentials in Authorization header' },
      'Invalid credentials in Authorization header',
    ],
    ['Cohere / Mistral', { message: 'invalid api token' }, 'invalid api token'],
    [
      'Bedrock',
      { Message: 'The security token included in the request is invalid.' },
      'The security token included in the request is invalid.',
    ],
    ['Replicate / Voyage AI', { detail: 'Invalid token.' }, 'Invalid token.'],
    ['FastAPI validation', { detail: [{ loc: ['body'], msg: 'field required' }] }, 'field required'],
  ])('reads the %s shape', (_provider, body, expected) => {
    expect(providerErrorMessage(JSON.stringify(body))).toBe(expected);
  });

  it('uses a plain text body as it is', () => {
    expect(providerErrorMessage('upstream connect error\n')).toBe('upstream connect error');
  });

  it('ignores HTML pages, empty bodies and JSON without a message', () => {
    expect(providerErrorMessage('<html><body>502 Bad Gateway</body></html>')).toBeUndefined();
    expect(providerErrorMessage('  ')).toBeUndefined();
    expect(providerErrorMessage('{"status":500}')).toBeUndefined();
  });
});

import { REDACTED, scrubSecrets } from './scrub-secrets.js';

describe('scrubSecrets', () => {
  it('replaces every occurrence of a secret value', () => {
    const secret = 'my-very-private-value';
    expect(scrubSecrets(`key ${secret} rejected (${secret})`, [secret])).toBe(
      `key ${REDACTED} rejected (${REDACTED})`,
    );
  });

  it('replaces the URL-encoded form of a secret', () => {
    const secret = 'a b/c+d=e';
    expect(scrubSecrets(`GET /models?key=${encodeURIComponent(secret)} failed`, [secret])).toBe(
      `GET /models?key=${REDACTED} failed`,
    );
  });

  it('redacts the longer of two overlapping secrets whole', () => {
    expect(scrubSecrets('token abcdef-123456 used', ['abcdef', 'abcdef-123456'])).toBe(
      `token ${REDACTED} used`,
    );
  });

  it.each([
    [
      'Incorrect API key provided: sk-proj-********************abcd. You can find your API key at https://platform.openai.com.',
      'Incorrect API key provided: [redacted]. You can find your API key at https://platform.openai.com.',
    ],
    ['invalid x-api-key sk-ant-api03-AbCdEfGhIjKlMnOp', 'invalid x-api-key [redacted]'],
    ['The security token AKIAIOSFODNN7EXAMPLE is invalid', 'The security token [redacted] is invalid'],
    ['API key not valid: AIzaSyA-1234567890abcdefghijklmnopq', 'API key not valid: [redacted]'],
    ['token hf_abcdefghijklmnopqrstuvwx has no access', 'token [redacted] has no access'],
    ['token r8_abcdefghijklmnopqrstuvwx is invalid', 'token [redacted] is invalid'],
    ['key pa-abcdefghijklmnopqrstuvwxyz012 is invalid', 'key [redacted] is invalid'],
    ['sent Authorization: Bearer abc.def.ghi', 'sent Authorization: Bearer [redacted]'],
    ['key 0123456789abcdef0123456789abcdef is invalid', 'key [redacted] is invalid'],
    ['-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY----- is malformed', '[redacted] is malformed'],
  ])('redacts what looks like a credential in %j', (message, expected) => {
    expect(scrubSecrets(message, [])).toBe(expected);
  });

  it('keeps ordinary words, ids and URLs', () => {
    const message =
      'You exceeded your current quota, see https://platform.openai.com/docs/guides/error-codes (req 7f3a).';
    expect(scrubSecrets(message, [])).toBe(message);
  });

  it('collapses white space and bounds the length', () => {
    const scrubbed = scrubSecrets(`line one\n\n  line two ${'x '.repeat(1000)}`, [], 40);
    expect(scrubbed.startsWith('line one line two x x')).toBe(true);
    expect(Array.from(scrubbed)).toHaveLength(40);
    expect(scrubbed.endsWith('…')).toBe(true);
  });

  it('ignores empty secret values', () => {
    expect(scrubSecrets('nothing to hide', ['', 'absent'])).toBe('nothing to hide');
  });
});

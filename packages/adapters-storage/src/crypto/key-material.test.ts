import { randomBytes } from 'node:crypto';
import { parseKey } from './key-material.js';

describe('parseKey', () => {
  const key = randomBytes(32);

  it('accepts 32 bytes as standard base64, url-safe base64 or hex', () => {
    expect(parseKey(key.toString('base64'), 'K')).toEqual(key);
    expect(parseKey(key.toString('base64url'), 'K')).toEqual(key);
    expect(parseKey(key.toString('hex'), 'K')).toEqual(key);
    expect(parseKey(` ${key.toString('hex').toUpperCase()}\n`, 'K')).toEqual(key);
  });

  it('says how many bytes a wrong-length key has, without echoing it', () => {
    const short = randomBytes(17).toString('base64');
    expect(() => parseKey(short, 'INTEGRATION_CRYPTO_KEY')).toThrow(
      'INTEGRATION_CRYPTO_KEY must be 32 bytes, base64 or hex; got 17 bytes',
    );
  });

  it.each([
    ['too long', randomBytes(48).toString('base64')],
    ['not base64 or hex', 'correct horse battery staple!'],
    ['63 hex characters', key.toString('hex').slice(1)],
    ['empty', '   '],
  ])('refuses a key that is %s and never puts the value in the message', (_case, value) => {
    let message = '';
    try {
      parseKey(value, 'INTEGRATION_CRYPTO_KEY');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^INTEGRATION_CRYPTO_KEY /);
    if (value.trim()) expect(message).not.toContain(value.trim());
  });
});

import { credentialFixture } from '../testing/fixtures.js';
import { parseCredential, serializeCredential } from './credential-json.js';

describe('credential JSON', () => {
  it('round-trips a record with its dates as Date objects', () => {
    const credential = credentialFixture({
      config: { baseUrl: 'https://example.test' },
      status: 'active',
      lastVerifiedAt: new Date('2026-02-03T04:05:06.789Z'),
    });
    const parsed = parseCredential(serializeCredential(credential));
    expect(parsed).toEqual(credential);
    expect(parsed?.createdAt).toBeInstanceOf(Date);
    expect(parsed?.lastVerifiedAt).toBeInstanceOf(Date);
  });

  it('keeps a null verification time null', () => {
    const credential = credentialFixture({ lastVerifiedAt: null });
    expect(parseCredential(serializeCredential(credential))?.lastVerifiedAt).toBeNull();
  });

  it.each([
    ['not JSON', '{'],
    ['an array', '[]'],
    ['a record without dates', JSON.stringify({ id: 'x', version: 1 })],
    ['a record with a bad date', JSON.stringify({ ...credentialFixture(), createdAt: 'yesterday' })],
  ])('reads %s as nothing', (_case, text) => {
    expect(parseCredential(text)).toBeUndefined();
  });
});

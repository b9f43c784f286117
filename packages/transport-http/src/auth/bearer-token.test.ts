import { bearerToken } from './bearer-token.js';

describe('bearerToken', () => {
  it.each([
    ['Bearer abc.def-ghi_jkl~', 'abc.def-ghi_jkl~'],
    ['bearer token123', 'token123'],
    ['Bearer  spaced ', 'spaced'],
    ['Bearer base64+/==', 'base64+/=='],
  ])('reads the token of %j', (header, token) => {
    expect(bearerToken(header)).toBe(token);
  });

  it.each([undefined, '', 'Bearer', 'Bearer ', 'Basic dXNlcjpwYXNz', 'Bearer two tokens', 'tokenonly'])(
    'finds no token in %j',
    (header) => {
      expect(bearerToken(header)).toBeUndefined();
    },
  );
});

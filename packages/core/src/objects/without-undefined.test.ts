import { withoutUndefined } from './without-undefined.js';

describe('withoutUndefined', () => {
  it('drops undefined properties and keeps every other value, falsy ones included', () => {
    const result = withoutUndefined({ a: 1, b: undefined, c: null, d: 0, e: '', f: false, g: [undefined] });
    expect(result).toEqual({ a: 1, c: null, d: 0, e: '', f: false, g: [undefined] });
    expect(Object.keys(result)).toEqual(['a', 'c', 'd', 'e', 'f', 'g']);
  });

  it('returns a new object and leaves the given one as it was', () => {
    const input = { a: 1, b: undefined };
    expect(withoutUndefined(input)).not.toBe(input);
    expect(Object.keys(input)).toEqual(['a', 'b']);
  });
});

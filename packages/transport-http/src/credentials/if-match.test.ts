import { InvalidArgumentError } from '@integration-api/core';
import { expectedVersion, versionFromIfMatch, versionTag } from './if-match.js';

describe('If-Match', () => {
  it('round-trips the ETag of a version', () => {
    expect(versionTag(7)).toBe('"7"');
    expect(versionFromIfMatch(versionTag(7))).toBe(7);
  });

  it('demands nothing when absent or *', () => {
    expect(versionFromIfMatch(undefined)).toBeUndefined();
    expect(versionFromIfMatch('*')).toBeUndefined();
  });

  it.each(['', '7', '"0"', '"-1"', '"1.5"', 'W/"7"', '"1", "2"', '"abc"', '"9999999999999999"'])(
    'refuses %j naming If-Match',
    (header) => {
      expect(() => versionFromIfMatch(header)).toThrow(InvalidArgumentError);
      expect(() => versionFromIfMatch(header)).toThrow(/If-Match/);
    },
  );

  it('takes the version from the body or the header, and refuses a disagreement', () => {
    expect(expectedVersion(3, undefined)).toBe(3);
    expect(expectedVersion(undefined, '"4"')).toBe(4);
    expect(expectedVersion(5, '"5"')).toBe(5);
    expect(expectedVersion(undefined, undefined)).toBeUndefined();
    expect(() => expectedVersion(5, '"6"')).toThrow(/version/);
  });
});

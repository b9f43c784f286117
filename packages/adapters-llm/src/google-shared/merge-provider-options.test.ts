import { mergeProviderOptions } from './merge-provider-options.js';

describe('mergeProviderOptions', () => {
  const body = { contents: [1], generationConfig: { temperature: 0.2, stopSequences: ['a'] } };

  it('adds to nested objects rather than replacing them', () => {
    expect(mergeProviderOptions(body, { generationConfig: { topK: 40 }, safetySettings: [] })).toEqual({
      contents: [1],
      generationConfig: { temperature: 0.2, stopSequences: ['a'], topK: 40 },
      safetySettings: [],
    });
  });

  it('lets the caller replace a value or remove it with null', () => {
    expect(
      mergeProviderOptions(body, {
        generationConfig: { temperature: 1, stopSequences: null },
        contents: [2],
      }),
    ).toEqual({ contents: [2], generationConfig: { temperature: 1 } });
  });

  it('ignores a __proto__ key', () => {
    const merged = mergeProviderOptions(body, JSON.parse('{"__proto__":{"polluted":true}}'));
    expect(merged).toEqual(body);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('returns the body as it is without options', () => {
    expect(mergeProviderOptions(body, undefined)).toBe(body);
  });
});

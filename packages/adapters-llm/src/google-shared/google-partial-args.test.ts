import { ProviderError } from '@integration-api/core';
import { GooglePartialArgs, parseJsonPath } from './google-partial-args.js';

const assemble = (...batches: Parameters<GooglePartialArgs['apply']>[0][]) => {
  const args = new GooglePartialArgs('google-vertex');
  batches.forEach((batch) => args.apply(batch));
  return JSON.parse(args.json()) as unknown;
};

describe('GooglePartialArgs', () => {
  it('joins a string streamed in pieces up to its terminator', () => {
    expect(
      assemble(
        [{ jsonPath: '$.note', stringValue: 'Preheat the oven', willContinue: true }],
        [{ jsonPath: '$.note', stringValue: ' to 200°C.', willContinue: true }],
        [{ jsonPath: '$.note', stringValue: '' }],
      ),
    ).toEqual({ note: 'Preheat the oven to 200°C.' });
  });

  it('builds nested objects and arrays from their paths', () => {
    expect(
      assemble(
        [{ jsonPath: '$.order.items[0].sku', stringValue: 'A-1' }],
        [{ jsonPath: '$.order.items[0].qty', numberValue: 2 }],
        [{ jsonPath: '$.order.items[1].sku', stringValue: 'B-7', willContinue: true }],
        [{ jsonPath: '$.order.items[1].sku', stringValue: '' }],
        [{ jsonPath: '$.order.items[1].gift', boolValue: true }],
        [{ jsonPath: '$.order.note', nullValue: null }],
        [{ jsonPath: '$.tags[0]', stringValue: 'x' }],
        [{ jsonPath: '$.tags[1]', stringValue: 'y' }],
      ),
    ).toEqual({
      order: {
        items: [
          { sku: 'A-1', qty: 2 },
          { sku: 'B-7', gift: true },
        ],
        note: null,
      },
      tags: ['x', 'y'],
    });
  });

  it('starts a new string when the same path comes back after its terminator', () => {
    expect(
      assemble(
        [{ jsonPath: '$.a', stringValue: 'one', willContinue: true }],
        [{ jsonPath: '$.a', stringValue: '' }],
        [{ jsonPath: '$.a', stringValue: 'two' }],
      ),
    ).toEqual({ a: 'two' });
  });

  it('gives {} when no argument came, and takes whole arguments as they are', () => {
    const args = new GooglePartialArgs('google-gemini');
    expect(args.json()).toBe('{}');
    args.setWhole({ location: 'Oslo' });
    expect(args.json()).toBe('{"location":"Oslo"}');
  });

  it('keeps a __proto__ argument as plain data', () => {
    expect(assemble([{ jsonPath: "$['__proto__'].polluted", boolValue: true }])).toEqual(
      JSON.parse('{"__proto__":{"polluted":true}}'),
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses unreadable paths and implausible indexes', () => {
    expect(() => assemble([{ jsonPath: 'location', stringValue: 'x' }])).toThrow(ProviderError);
    expect(() => assemble([{ jsonPath: '$.a[*]', stringValue: 'x' }])).toThrow(/unreadable path/);
    expect(() =>
      assemble([{ jsonPath: '$.a[0]', stringValue: 'x' }], [{ jsonPath: '$.a[99999]', numberValue: 1 }]),
    ).toThrow(/implausible array index/);
  });
});

describe('parseJsonPath', () => {
  it.each([
    ['$.location', ['location']],
    ['$.recipe.ingredients[3].name', ['recipe', 'ingredients', 3, 'name']],
    ["$['odd key'].v", ['odd key', 'v']],
    ['$["quo\\"te"]', ['quo"te']],
    ['$', []],
  ])('%s', (path, segments) => {
    expect(parseJsonPath(path)).toEqual(segments);
  });

  it.each(['location', '$..a', '$.a[-1]', '$.a[?(@.b)]'])('refuses %s', (path) => {
    expect(parseJsonPath(path)).toBeUndefined();
  });
});

import { normalizeCohereToolArguments } from './cohere-tool-arguments.js';

describe('normalizeCohereToolArguments', () => {
  it.each([[''], ['null'], [' null '], [undefined], [null]])('makes %j an empty object', (args) => {
    expect(normalizeCohereToolArguments(args)).toBe('{}');
  });

  it('passes real arguments on untouched', () => {
    expect(normalizeCohereToolArguments('{"city": "Oslo"}')).toBe('{"city": "Oslo"}');
  });
});

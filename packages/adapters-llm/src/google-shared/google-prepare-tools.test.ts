import { prepareGoogleTools } from './google-prepare-tools.js';

const weather = {
  name: 'weather',
  description: 'Current weather',
  parameters: {
    type: 'object',
    properties: { location: { type: 'string' } },
    required: ['location'],
    additionalProperties: false,
  },
  strict: true,
};
const now = { name: 'now', parameters: { type: 'object', properties: {} } };

describe('prepareGoogleTools', () => {
  it('declares every function in one tool, leaving out parameters of a function without any', () => {
    expect(prepareGoogleTools([weather, now], undefined)).toEqual({
      tools: [
        {
          functionDeclarations: [
            {
              name: 'weather',
              description: 'Current weather',
              parameters: {
                type: 'object',
                properties: { location: { type: 'string' } },
                required: ['location'],
              },
            },
            { name: 'now' },
          ],
        },
      ],
    });
  });

  it.each([
    [{ type: 'auto' } as const, { mode: 'AUTO' }],
    [{ type: 'none' } as const, { mode: 'NONE' }],
    [{ type: 'required' } as const, { mode: 'ANY' }],
    [{ type: 'tool', name: 'now' } as const, { mode: 'ANY', allowedFunctionNames: ['now'] }],
  ])('maps the tool choice %j to the calling mode', (choice, config) => {
    expect(prepareGoogleTools([weather, now], choice).toolConfig).toEqual({ functionCallingConfig: config });
  });

  it('sends nothing without tools', () => {
    expect(prepareGoogleTools(undefined, undefined)).toEqual({});
    expect(prepareGoogleTools([], { type: 'auto' })).toEqual({});
  });

  it('names the tool whose schema cannot be converted', () => {
    const recursive = {
      name: 'tree',
      parameters: {
        type: 'object',
        properties: { node: { $ref: '#/$defs/n' } },
        $defs: { n: { type: 'object', properties: { next: { $ref: '#/$defs/n' } } } },
      },
    };
    expect(() => prepareGoogleTools([weather, recursive], undefined)).toThrow(/^tools\[1\]\.parameters:/);
  });
});

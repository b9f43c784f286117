import type { ToolDefinition } from '@integration-api/core';
import { prepareCohereTools } from './cohere-prepare-tools.js';

const weather: ToolDefinition = {
  name: 'getWeather',
  description: 'Current weather of a city',
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
};
const clock: ToolDefinition = { name: 'now', parameters: { type: 'object', properties: {} } };

describe('prepareCohereTools', () => {
  it('sends function tools and leaves auto to Cohere', () => {
    expect(prepareCohereTools([weather, clock], { type: 'auto' })).toEqual({
      tools: [
        {
          type: 'function',
          function: {
            name: 'getWeather',
            description: 'Current weather of a city',
            parameters: weather.parameters,
          },
        },
        { type: 'function', function: { name: 'now', parameters: clock.parameters } },
      ],
    });
  });

  it.each([
    ['none', 'NONE'],
    ['required', 'REQUIRED'],
  ] as const)('maps tool choice %s to %s', (type, expected) => {
    expect(prepareCohereTools([weather], { type }).tool_choice).toBe(expected);
  });

  it('forces a named tool by offering only that tool with REQUIRED', () => {
    const prepared = prepareCohereTools([weather, clock], { type: 'tool', name: 'now' });
    expect(prepared.tools?.map((tool) => tool.function.name)).toEqual(['now']);
    expect(prepared.tool_choice).toBe('REQUIRED');
  });

  it('asks for strict tool calls only when every tool is strict', () => {
    expect(prepareCohereTools([{ ...weather, strict: true }, clock], undefined).strict_tools).toBeUndefined();
    expect(
      prepareCohereTools(
        [
          { ...weather, strict: true },
          { ...clock, strict: true },
        ],
        undefined,
      ).strict_tools,
    ).toBe(true);
  });

  it('sends nothing without tools, whatever the choice', () => {
    expect(prepareCohereTools(undefined, { type: 'none' })).toEqual({});
    expect(prepareCohereTools([], undefined)).toEqual({});
  });
});

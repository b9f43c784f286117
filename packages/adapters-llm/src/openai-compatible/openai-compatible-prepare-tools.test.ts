import type { ToolDefinition } from '@integration-api/core';
import { prepareOpenAICompatibleTools } from './openai-compatible-prepare-tools.js';

const weather: ToolDefinition = {
  name: 'get_weather',
  description: 'Current weather of a city',
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  strict: true,
};
const openai = { requiredToolChoice: 'required' } as const;

describe('prepareOpenAICompatibleTools', () => {
  it('declares tools as functions with their schema and strictness', () => {
    expect(
      prepareOpenAICompatibleTools([weather, { name: 'now', parameters: {} }], undefined, openai),
    ).toEqual({
      tools: [
        {
          type: 'function',
          function: {
            name: 'get_weather',
            description: 'Current weather of a city',
            parameters: weather.parameters,
            strict: true,
          },
        },
        { type: 'function', function: { name: 'now', parameters: {} } },
      ],
    });
  });

  it.each([
    [{ type: 'auto' } as const, 'auto'],
    [{ type: 'none' } as const, 'none'],
    [{ type: 'required' } as const, 'required'],
    [{ type: 'tool', name: 'get_weather' } as const, { type: 'function', function: { name: 'get_weather' } }],
  ])('maps the tool choice %j', (choice, expected) => {
    expect(prepareOpenAICompatibleTools([weather], choice, openai).tool_choice).toEqual(expected);
  });

  it('spells a required tool call "any" for Mistral', () => {
    expect(
      prepareOpenAICompatibleTools([weather], { type: 'required' }, { requiredToolChoice: 'any' })
        .tool_choice,
    ).toBe('any');
  });

  it('sends neither tools nor a choice when there are no tools', () => {
    expect(prepareOpenAICompatibleTools([], { type: 'none' }, openai)).toEqual({});
    expect(prepareOpenAICompatibleTools(undefined, { type: 'auto' }, openai)).toEqual({});
  });
});

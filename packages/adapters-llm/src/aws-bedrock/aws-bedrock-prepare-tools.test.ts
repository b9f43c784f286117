import type { ToolDefinition } from '@integration-api/core';
import { prepareAwsBedrockTools } from './aws-bedrock-prepare-tools.js';

const weather: ToolDefinition = {
  name: 'get_weather',
  description: 'Current weather of a city',
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
};
const time: ToolDefinition = {
  name: 'get_time',
  description: ' ',
  parameters: { type: 'object', properties: {} },
};

describe('prepareAwsBedrockTools', () => {
  it('sends each tool as a toolSpec with its JSON schema, leaving out a blank description', () => {
    expect(prepareAwsBedrockTools([weather, time], undefined)).toEqual({
      toolConfig: {
        tools: [
          {
            toolSpec: {
              name: 'get_weather',
              description: 'Current weather of a city',
              inputSchema: { json: weather.parameters },
            },
          },
          { toolSpec: { name: 'get_time', inputSchema: { json: time.parameters } } },
        ],
      },
    });
  });

  it.each([
    [{ type: 'auto' } as const, { auto: {} }],
    [{ type: 'required' } as const, { any: {} }],
    [{ type: 'tool', name: 'get_time' } as const, { tool: { name: 'get_time' } }],
  ])('maps the tool choice %j to %j', (choice, expected) => {
    expect(prepareAwsBedrockTools([weather, time], choice).toolConfig?.toolChoice).toEqual(expected);
  });

  it('sends no toolConfig for the choice none, Converse having no such choice', () => {
    expect(prepareAwsBedrockTools([weather], { type: 'none' })).toEqual({});
  });

  it('sends no toolConfig without tools', () => {
    expect(prepareAwsBedrockTools(undefined, undefined)).toEqual({});
    expect(prepareAwsBedrockTools([], { type: 'auto' })).toEqual({});
  });
});

import type { ToolDefinition } from '@integration-api/core';
import { prepareAnthropicTools } from './anthropic-prepare-tools.js';

const lookup: ToolDefinition = {
  name: 'lookup_order',
  description: 'Find an order by its number',
  parameters: { type: 'object', properties: { number: { type: 'string' } }, required: ['number'] },
};
const ping: ToolDefinition = { name: 'ping', parameters: { type: 'object', properties: {} }, strict: true };

describe('prepareAnthropicTools', () => {
  it('sends each tool with its JSON schema as input_schema', () => {
    expect(prepareAnthropicTools({ tools: [lookup, ping] })).toEqual({
      tools: [
        {
          name: 'lookup_order',
          description: 'Find an order by its number',
          input_schema: lookup.parameters,
        },
        { name: 'ping', input_schema: { type: 'object', properties: {} }, strict: true },
      ],
    });
  });

  it.each([
    [{ type: 'auto' } as const, { type: 'auto' }],
    [{ type: 'required' } as const, { type: 'any' }],
    [{ type: 'tool', name: 'ping' } as const, { type: 'tool', name: 'ping' }],
    [{ type: 'none' } as const, { type: 'none' }],
  ])('maps the tool choice %j to %j', (toolChoice, expected) => {
    expect(prepareAnthropicTools({ tools: [lookup, ping], toolChoice }).tool_choice).toEqual(expected);
  });

  it('turns off parallel calls on the chosen mode', () => {
    expect(
      prepareAnthropicTools({ tools: [lookup], toolChoice: { type: 'required' }, parallelToolCalls: false })
        .tool_choice,
    ).toEqual({ type: 'any', disable_parallel_tool_use: true });
    expect(
      prepareAnthropicTools({
        tools: [lookup],
        toolChoice: { type: 'tool', name: 'lookup_order' },
        parallelToolCalls: false,
      }).tool_choice,
    ).toEqual({ type: 'tool', name: 'lookup_order', disable_parallel_tool_use: true });
  });

  it('sends an explicit auto choice when only parallel calls are turned off', () => {
    expect(prepareAnthropicTools({ tools: [lookup], parallelToolCalls: false }).tool_choice).toEqual({
      type: 'auto',
      disable_parallel_tool_use: true,
    });
  });

  it('leaves the choice to the provider when parallel calls stay allowed', () => {
    expect(prepareAnthropicTools({ tools: [lookup], parallelToolCalls: true })).not.toHaveProperty(
      'tool_choice',
    );
  });

  it('does not flag parallel calls on a none choice, which calls nothing', () => {
    expect(
      prepareAnthropicTools({ tools: [lookup], toolChoice: { type: 'none' }, parallelToolCalls: false })
        .tool_choice,
    ).toEqual({ type: 'none' });
  });

  it('sends neither tools nor a choice when the request has no tools', () => {
    expect(prepareAnthropicTools({ toolChoice: { type: 'none' }, parallelToolCalls: false })).toEqual({});
    expect(prepareAnthropicTools({ tools: [], toolChoice: { type: 'auto' } })).toEqual({});
  });
});

import type { ToolChoice, ToolDefinition } from '@integration-api/core';
import type { AnthropicTool, AnthropicToolChoice } from './anthropic-api.js';

export interface AnthropicToolsInput {
  readonly tools?: readonly ToolDefinition[];
  readonly toolChoice?: ToolChoice;
  readonly parallelToolCalls?: boolean;
}

export interface AnthropicToolsOutput {
  readonly tools?: AnthropicTool[];
  readonly tool_choice?: AnthropicToolChoice;
}

/**
 * Our tools and tool choice in Anthropic's form: `tools[{name, description, input_schema}]` and
 * `tool_choice` auto / any (our `required`) / tool{name} / none. Anthropic has no separate
 * parallel-calls switch: `parallelToolCalls: false` becomes `disable_parallel_tool_use` on the
 * choice (an explicit `auto` when the request named none). Without tools nothing is sent, since a
 * tool choice alone is refused.
 */
export function prepareAnthropicTools(input: AnthropicToolsInput): AnthropicToolsOutput {
  const { tools, toolChoice, parallelToolCalls } = input;
  if (!tools?.length) return {};

  const anthropicTools = tools.map((tool): AnthropicTool => ({
    name: tool.name,
    ...(tool.description ? { description: tool.description } : {}),
    input_schema: tool.parameters,
    ...(tool.strict ? { strict: true } : {}),
  }));
  const choice = toolChoiceFor(toolChoice, parallelToolCalls === false);
  return { tools: anthropicTools, ...(choice ? { tool_choice: choice } : {}) };
}

function toolChoiceFor(choice: ToolChoice | undefined, serial: boolean): AnthropicToolChoice | undefined {
  const flag = serial ? { disable_parallel_tool_use: true } : {};
  switch (choice?.type) {
    case undefined:
      return serial ? { type: 'auto', ...flag } : undefined;
    case 'auto':
      return { type: 'auto', ...flag };
    case 'required':
      return { type: 'any', ...flag };
    case 'tool':
      return { type: 'tool', name: choice.name, ...flag };
    case 'none':
      // The tools stay defined: earlier turns of the conversation may still use them.
      return { type: 'none' };
  }
}

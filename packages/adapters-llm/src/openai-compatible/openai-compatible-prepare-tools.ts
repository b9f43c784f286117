import type { ToolChoice, ToolDefinition } from '@integration-api/core';
import type { OpenAICompatibleTool, OpenAICompatibleToolChoice } from './openai-compatible-api.js';

export interface PreparedTools {
  readonly tools?: OpenAICompatibleTool[];
  readonly tool_choice?: OpenAICompatibleToolChoice;
}

/**
 * Our tools and tool choice as `tools` / `tool_choice`. Without tools neither field is sent:
 * OpenAI refuses a tool_choice with no tools.
 */
export function prepareOpenAICompatibleTools(
  tools: readonly ToolDefinition[] | undefined,
  toolChoice: ToolChoice | undefined,
  options: { readonly requiredToolChoice: 'required' | 'any' },
): PreparedTools {
  if (!tools?.length) return {};
  return {
    tools: tools.map((tool) => ({
      type: 'function',
      function: {
        name: tool.name,
        ...(tool.description !== undefined ? { description: tool.description } : {}),
        parameters: tool.parameters,
        ...(tool.strict !== undefined ? { strict: tool.strict } : {}),
      },
    })),
    ...(toolChoice ? { tool_choice: toolChoiceOf(toolChoice, options.requiredToolChoice) } : {}),
  };
}

function toolChoiceOf(choice: ToolChoice, required: 'required' | 'any'): OpenAICompatibleToolChoice {
  switch (choice.type) {
    case 'auto':
    case 'none':
      return choice.type;
    case 'required':
      return required;
    case 'tool':
      return { type: 'function', function: { name: choice.name } };
  }
}

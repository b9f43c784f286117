import type { ToolChoice, ToolDefinition } from '@integration-api/core';
import type { CohereTool, CohereToolChoice } from './cohere-api.js';

export interface CohereToolFields {
  readonly tools?: CohereTool[];
  readonly tool_choice?: CohereToolChoice;
  readonly strict_tools?: true;
}

/**
 * Our tools and tool choice as Cohere's request fields.
 * - `auto` is Cohere's default: no `tool_choice` is sent.
 * - Cohere cannot force one named tool, so `{type:'tool', name}` sends only that tool with
 *   `REQUIRED`: the model must call a tool, and it is the only one it has.
 * - `strict_tools` is one switch for all tools, so it is sent only when every tool asks for it.
 */
export function prepareCohereTools(
  tools: readonly ToolDefinition[] | undefined,
  toolChoice: ToolChoice | undefined,
): CohereToolFields {
  if (!tools?.length) return {};
  let offered = tools;
  let choice: CohereToolChoice | undefined;
  switch (toolChoice?.type) {
    case 'none':
      choice = 'NONE';
      break;
    case 'required':
      choice = 'REQUIRED';
      break;
    case 'tool':
      offered = tools.filter((tool) => tool.name === toolChoice.name);
      choice = 'REQUIRED';
      break;
  }
  return {
    tools: offered.map(cohereTool),
    ...(choice ? { tool_choice: choice } : {}),
    ...(offered.every((tool) => tool.strict === true) ? { strict_tools: true } : {}),
  };
}

function cohereTool(tool: ToolDefinition): CohereTool {
  return {
    type: 'function',
    function: {
      name: tool.name,
      ...(tool.description ? { description: tool.description } : {}),
      parameters: tool.parameters,
    },
  };
}

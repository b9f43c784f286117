import type { ToolChoice, ToolDefinition } from '@integration-api/core';
import type { AwsBedrockToolChoice, AwsBedrockToolConfig } from './aws-bedrock-api.js';

/**
 * Our tools and tool choice as Converse's `toolConfig`. Converse has no "none": with
 * `toolChoice: none` (or no tools) no `toolConfig` is sent, and the caller writes any tool history
 * as text (see convertToAwsBedrockMessages), since Bedrock refuses tool blocks without it.
 * `required` is `any`; an absent choice is left to the model's default (`auto`).
 */
export function prepareAwsBedrockTools(
  tools: readonly ToolDefinition[] | undefined,
  toolChoice: ToolChoice | undefined,
): { readonly toolConfig?: AwsBedrockToolConfig } {
  if (!tools?.length || toolChoice?.type === 'none') return {};
  const choice = toolChoiceOf(toolChoice);
  return {
    toolConfig: {
      tools: tools.map((tool) => ({
        toolSpec: {
          name: tool.name,
          ...(tool.description?.trim() ? { description: tool.description } : {}),
          inputSchema: { json: tool.parameters },
        },
      })),
      ...(choice ? { toolChoice: choice } : {}),
    },
  };
}

function toolChoiceOf(choice: ToolChoice | undefined): AwsBedrockToolChoice | undefined {
  switch (choice?.type) {
    case 'auto':
      return { auto: {} };
    case 'required':
      return { any: {} };
    case 'tool':
      return { tool: { name: choice.name } };
    default:
      return undefined;
  }
}

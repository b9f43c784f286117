import type { ToolChoice, ToolDefinition } from '@integration-api/core';
import { convertJsonSchemaToGoogleSchema } from './convert-json-schema-to-google-schema.js';
import type { GoogleFunctionDeclaration, GoogleTool, GoogleToolConfig } from './google-api.js';

export interface GoogleToolsPart {
  readonly tools?: readonly GoogleTool[];
  readonly toolConfig?: GoogleToolConfig;
}

/**
 * Our tools and tool choice in Google's form: all functions in one `functionDeclarations` tool,
 * parameters converted to Google's schema subset (left out for a function without parameters),
 * and the choice as `functionCallingConfig`: auto → AUTO, none → NONE, required → ANY, one named
 * tool → ANY restricted to it by `allowedFunctionNames`. `strict` has no Google equivalent (its
 * function calling is schema-guided already) and is ignored.
 */
export function prepareGoogleTools(
  tools: readonly ToolDefinition[] | undefined,
  toolChoice: ToolChoice | undefined,
): GoogleToolsPart {
  if (!tools?.length) return {};
  const functionDeclarations: GoogleFunctionDeclaration[] = tools.map((tool, i) => {
    const parameters = convertJsonSchemaToGoogleSchema(tool.parameters, `tools[${i}].parameters`);
    return {
      name: tool.name,
      ...(tool.description ? { description: tool.description } : {}),
      ...(parameters ? { parameters } : {}),
    };
  });
  return {
    tools: [{ functionDeclarations }],
    ...(toolChoice ? { toolConfig: toolConfigOf(toolChoice) } : {}),
  };
}

function toolConfigOf(choice: ToolChoice): GoogleToolConfig {
  switch (choice.type) {
    case 'auto':
      return { functionCallingConfig: { mode: 'AUTO' } };
    case 'none':
      return { functionCallingConfig: { mode: 'NONE' } };
    case 'required':
      return { functionCallingConfig: { mode: 'ANY' } };
    case 'tool':
      return { functionCallingConfig: { mode: 'ANY', allowedFunctionNames: [choice.name] } };
  }
}

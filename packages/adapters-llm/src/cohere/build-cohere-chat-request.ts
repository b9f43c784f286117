import type { ChatRequest } from '@integration-api/core';
import type { CohereChatRequestBody } from './cohere-api.js';
import { convertToCohereMessages } from './convert-to-cohere-messages.js';
import { prepareCohereTools } from './cohere-prepare-tools.js';

export interface BuildCohereChatRequestOptions {
  readonly stream: boolean;
}

/**
 * The `POST /v2/chat` body for a chat request. Parameters Cohere lacks are left out:
 * `parallelToolCalls` (Cohere decides on its own). A reasoning budget becomes
 * `thinking: {type:'enabled', token_budget}`; a reasoning effort alone (Cohere has no effort
 * levels) just enables thinking. providerOptions are merged last, so they can set any other
 * field (`safety_mode`, `documents`, `k`, `thinking`…); only `stream` stays the adapter's.
 */
export function buildCohereChatRequest(
  request: ChatRequest,
  options: BuildCohereChatRequestOptions,
): CohereChatRequestBody {
  const format = request.responseFormat;
  const body: CohereChatRequestBody = {
    model: request.model,
    messages: convertToCohereMessages(request.messages),
    ...prepareCohereTools(request.tools, request.toolChoice),
    ...defined('temperature', request.temperature),
    ...defined('p', request.topP),
    ...defined('max_tokens', request.maxOutputTokens),
    ...(request.stop?.length ? { stop_sequences: request.stop } : {}),
    ...defined('seed', request.seed),
    ...defined('frequency_penalty', request.frequencyPenalty),
    ...defined('presence_penalty', request.presencePenalty),
    ...(format?.type === 'json_object' ? { response_format: { type: 'json_object' } } : {}),
    ...(format?.type === 'json_schema'
      ? { response_format: { type: 'json_object', json_schema: format.schema } }
      : {}),
    ...(request.reasoningBudgetTokens !== undefined
      ? { thinking: { type: 'enabled', token_budget: request.reasoningBudgetTokens } }
      : request.reasoningEffort !== undefined
        ? { thinking: { type: 'enabled' } }
        : {}),
    ...request.providerOptions,
  };
  if (!options.stream) {
    const { stream: _ignored, ...rest } = body;
    return rest as CohereChatRequestBody;
  }
  return { ...body, stream: true };
}

function defined<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]: V });
}

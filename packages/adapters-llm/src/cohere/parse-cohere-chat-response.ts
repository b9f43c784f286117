import { ProviderError, type ProviderChatResult, type ToolCall } from '@integration-api/core';
import { isRecord, type CohereChatResponse } from './cohere-api.js';
import { convertCohereUsage } from './convert-cohere-usage.js';
import { normalizeCohereToolArguments } from './cohere-tool-arguments.js';
import { mapCohereFinishReason } from './map-cohere-finish-reason.js';

/**
 * A non-streamed `/v2/chat` answer as our result. Text parts make the text; `thinking` parts and
 * the `tool_plan` (the plan Cohere writes before calling tools) make the reasoning, so the
 * visible answer holds only what the model said to the user. Citations are not carried over.
 * Cohere does not echo the model, so `model` is left to the caller.
 */
export function parseCohereChatResponse(body: unknown): ProviderChatResult {
  if (!isRecord(body) || !isRecord(body.message)) {
    throw new ProviderError('error', 'cohere', 'the chat response has no message');
  }
  const response = body as unknown as CohereChatResponse;
  const content = Array.isArray(response.message.content) ? response.message.content : [];
  const text = content
    .filter((part) => part.type === 'text' && typeof part.text === 'string')
    .map((part) => part.text)
    .join('');
  const thinking = content
    .filter((part) => part.type === 'thinking' && typeof part.thinking === 'string')
    .map((part) => part.thinking)
    .join('');
  const plan = typeof response.message.tool_plan === 'string' ? response.message.tool_plan : '';
  const reasoning = [thinking, plan].filter((part) => part.length > 0).join('\n\n');
  const toolCalls: ToolCall[] = (
    Array.isArray(response.message.tool_calls) ? response.message.tool_calls : []
  ).map((call, i) => {
    const name = call.function?.name ?? '';
    return {
      id: call.id || `${name}_${i}`,
      name,
      arguments: normalizeCohereToolArguments(call.function?.arguments),
    };
  });
  return {
    message: { text, ...(reasoning ? { reasoning } : {}), toolCalls },
    finishReason: mapCohereFinishReason(response.finish_reason),
    ...(response.finish_reason ? { rawFinishReason: response.finish_reason } : {}),
    usage: convertCohereUsage(response.usage),
    ...(response.id ? { providerRequestId: response.id } : {}),
  };
}

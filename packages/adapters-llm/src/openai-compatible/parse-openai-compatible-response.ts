import {
  ProviderError,
  type ProviderChatResult,
  type ProviderId,
  type ToolCall,
} from '@integration-api/core';
import { convertOpenAICompatibleUsage } from './convert-openai-compatible-usage.js';
import type { OpenAICompatibleChatResponse, OpenAICompatibleToolCallPart } from './openai-compatible-api.js';
import { readAssistantText } from './openai-compatible-content.js';
import { mapOpenAICompatibleFinishReason } from './map-openai-compatible-finish-reason.js';

export interface ResponseMeta {
  readonly provider: ProviderId;
  /** From the response headers; the body's id is used when absent. */
  readonly requestId?: string;
}

/** A non-streamed `chat.completion` as our result; the first choice is the answer. */
export function parseOpenAICompatibleResponse(body: unknown, meta: ResponseMeta): ProviderChatResult {
  const response = (isObject(body) ? body : {}) as OpenAICompatibleChatResponse;
  const choices = Array.isArray(response.choices) ? response.choices : [];
  const choice = choices.find((c) => (c?.index ?? 0) === 0) ?? choices[0];
  if (!choice) throw new ProviderError('error', meta.provider, 'the answer holds no choice');

  const { text, reasoning, refusal } = readAssistantText(choice.message);
  const calls: readonly OpenAICompatibleToolCallPart[] = Array.isArray(choice.message?.tool_calls)
    ? choice.message.tool_calls
    : [];
  const toolCalls = calls.map((call, i) => toolCallOf(call, i));
  const raw = typeof choice.finish_reason === 'string' ? choice.finish_reason : undefined;
  const requestId = meta.requestId ?? nonEmpty(response.id);
  const model = nonEmpty(response.model);
  return {
    message: { text, ...(reasoning ? { reasoning } : {}), toolCalls },
    finishReason: mapOpenAICompatibleFinishReason(raw, {
      hasToolCalls: toolCalls.length > 0,
      refused: refusal.length > 0,
    }),
    ...(raw !== undefined ? { rawFinishReason: raw } : {}),
    usage: convertOpenAICompatibleUsage(response.usage),
    ...(model ? { model } : {}),
    ...(requestId ? { providerRequestId: requestId } : {}),
  };
}

function toolCallOf(call: OpenAICompatibleToolCallPart, position: number): ToolCall {
  return {
    // A server that gives no id still needs one, or the tool's result cannot refer to the call.
    id: nonEmpty(call?.id) ?? `call_${position}`,
    name: nonEmpty(call?.function?.name) ?? '',
    arguments: argumentsText(call?.function?.arguments) || '{}',
  };
}

/** Tool arguments as JSON text: servers send text, a few the parsed object. */
export function argumentsText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  return JSON.stringify(value);
}

export function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

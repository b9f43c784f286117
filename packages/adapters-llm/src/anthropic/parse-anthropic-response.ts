import { ProviderError, type ProviderChatResult, type ToolCall } from '@integration-api/core';
import type { AnthropicContentBlock, AnthropicErrorBody, AnthropicMessageResponse } from './anthropic-api.js';
import { anthropicStreamError } from './anthropic-error.js';
import { convertAnthropicUsage } from './convert-anthropic-usage.js';
import { mapAnthropicStopReason } from './map-anthropic-stop-reason.js';

/**
 * A whole Messages API answer as our result. Text blocks are concatenated (as a stream's deltas
 * would be), thinking blocks become the reasoning, `tool_use` blocks the tool calls with their
 * input as JSON text. Signatures, redacted thinking and the blocks of server tools (which
 * Anthropic ran itself: `server_tool_use`, `*_tool_result`) are not part of our model and are
 * skipped; so a refusal with no content reads as empty text with a `content_filter` finish.
 */
export function parseAnthropicResponse(body: unknown, secrets: readonly string[] = []): ProviderChatResult {
  if (isObject(body) && body.type === 'error')
    throw anthropicStreamError(body as AnthropicErrorBody, secrets);
  if (!isMessage(body)) {
    throw new ProviderError('error', 'anthropic', 'the response is not a Messages API message');
  }

  let text = '';
  let reasoning = '';
  const toolCalls: ToolCall[] = [];
  for (const block of body.content) {
    switch (block.type) {
      case 'text':
        text += block.text ?? '';
        break;
      case 'thinking':
        reasoning += block.thinking ?? '';
        break;
      case 'tool_use':
        toolCalls.push(toolCallOf(block));
        break;
      default:
        break;
    }
  }

  const stopReason = body.stop_reason ?? undefined;
  return {
    message: { text, ...(reasoning ? { reasoning } : {}), toolCalls },
    finishReason: mapAnthropicStopReason(stopReason),
    ...(stopReason !== undefined ? { rawFinishReason: stopReason } : {}),
    usage: convertAnthropicUsage(body.usage),
    ...(body.model ? { model: body.model } : {}),
    ...(body.id ? { providerRequestId: body.id } : {}),
  };
}

function toolCallOf(block: AnthropicContentBlock): ToolCall {
  const input = isObject(block.input) ? block.input : {};
  return { id: block.id ?? '', name: block.name ?? '', arguments: JSON.stringify(input) };
}

function isMessage(body: unknown): body is AnthropicMessageResponse {
  return isObject(body) && Array.isArray(body.content) && body.content.every(isObject);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

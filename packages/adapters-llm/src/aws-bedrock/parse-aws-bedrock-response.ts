import { ProviderError, type ProviderChatResult, type ToolCall } from '@integration-api/core';
import type { AwsBedrockConverseResponse } from './aws-bedrock-api.js';
import { AWS_BEDROCK_PROVIDER } from './aws-bedrock-error.js';
import { convertAwsBedrockUsage } from './convert-aws-bedrock-usage.js';
import { mapAwsBedrockFinishReason } from './map-aws-bedrock-finish-reason.js';

export interface AwsBedrockResponseMeta {
  /** Converse does not echo the model; the adapter passes the one it called. */
  readonly model?: string;
  /** From the `x-amzn-requestid` header. */
  readonly providerRequestId?: string;
}

/**
 * A Converse answer as our result. Text blocks make the text and `reasoningContent.reasoningText`
 * blocks the reasoning (their signature and redacted reasoning carry nothing a caller can read);
 * `toolUse` blocks become tool calls with their input as JSON text. Other block kinds (citations,
 * guard content...) are skipped.
 */
export function parseAwsBedrockResponse(
  body: unknown,
  meta: AwsBedrockResponseMeta = {},
): ProviderChatResult {
  const response = body as AwsBedrockConverseResponse | null;
  const content = response?.output?.message?.content;
  if (!Array.isArray(content)) {
    throw new ProviderError('error', AWS_BEDROCK_PROVIDER, 'the Converse answer has no message');
  }
  let text = '';
  let reasoning = '';
  const toolCalls: ToolCall[] = [];
  for (const block of content) {
    if (typeof block?.text === 'string') text += block.text;
    const thought = block?.reasoningContent?.reasoningText?.text;
    if (typeof thought === 'string') reasoning += thought;
    if (block?.toolUse) {
      const { toolUseId, name, input } = block.toolUse;
      toolCalls.push({
        id: toolUseId ?? '',
        name: name ?? '',
        arguments: typeof input === 'string' ? input : JSON.stringify(input ?? {}),
      });
    }
  }
  const stopReason = typeof response?.stopReason === 'string' ? response.stopReason : undefined;
  return {
    message: { text, ...(reasoning ? { reasoning } : {}), toolCalls },
    finishReason: mapAwsBedrockFinishReason(stopReason),
    ...(stopReason !== undefined ? { rawFinishReason: stopReason } : {}),
    usage: convertAwsBedrockUsage(response?.usage),
    ...(meta.model !== undefined ? { model: meta.model } : {}),
    ...(meta.providerRequestId !== undefined ? { providerRequestId: meta.providerRequestId } : {}),
  };
}

import {
  ProviderError,
  type ProviderChatResult,
  type ProviderId,
  type ToolCall,
} from '@integration-api/core';
import { convertGoogleUsage } from './convert-google-usage.js';
import type { GoogleCandidate, GoogleGenerateContentResponse } from './google-api.js';
import { googleStreamError } from './google-error.js';
import { googleToolCallId } from './google-tool-call-id.js';
import { mapGoogleFinishReason } from './map-google-finish-reason.js';

/**
 * A `generateContent` answer as our result. Only the first candidate is read (we never ask for
 * more). Text parts make the text, `thought: true` parts the reasoning, `functionCall` parts the
 * tool calls (ids made by googleToolCallId, arguments as JSON text); empty text parts that only
 * carry a `thoughtSignature`, and parts of other kinds, are skipped. A prompt Google blocked
 * (`promptFeedback.blockReason`, no candidate) is a content_filter finish with the block reason
 * as the raw reason. `modelVersion` and `responseId` become the model and request id.
 */
export function parseGoogleResponse(
  provider: ProviderId,
  body: unknown,
  secrets: Iterable<string> = [],
): ProviderChatResult {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ProviderError('error', provider, 'the answer is not a generateContent response');
  }
  const response = body as GoogleGenerateContentResponse;
  if (response.error) throw googleStreamError(provider, response.error, secrets);

  const candidate = firstCandidate(response.candidates);
  let text = '';
  let reasoning = '';
  const toolCalls: ToolCall[] = [];
  for (const part of candidate?.content?.parts ?? []) {
    if (part.functionCall?.name) {
      const call = part.functionCall;
      toolCalls.push({
        id: googleToolCallId(call, response.responseId, toolCalls.length),
        name: part.functionCall.name,
        arguments: JSON.stringify(call.args ?? {}),
      });
    } else if (typeof part.text === 'string') {
      if (part.thought) reasoning += part.text;
      else text += part.text;
    }
  }

  const blockReason = candidate ? undefined : response.promptFeedback?.blockReason;
  const rawFinishReason = blockReason ?? candidate?.finishReason;
  return {
    message: { text, ...(reasoning ? { reasoning } : {}), toolCalls },
    finishReason: blockReason
      ? 'content_filter'
      : mapGoogleFinishReason(rawFinishReason, toolCalls.length > 0),
    ...(rawFinishReason ? { rawFinishReason } : {}),
    usage: convertGoogleUsage(response.usageMetadata),
    ...(response.modelVersion ? { model: response.modelVersion } : {}),
    ...(response.responseId ? { providerRequestId: response.responseId } : {}),
  };
}

/** The candidate with index 0 (Vertex stream chunks leave the index out). */
export function firstCandidate(
  candidates: readonly GoogleCandidate[] | undefined,
): GoogleCandidate | undefined {
  return candidates?.find((c) => (c.index ?? 0) === 0);
}

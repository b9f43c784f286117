import {
  withoutUndefined,
  type ChatResult,
  type FinishReason,
  type InferenceStreamEvent,
  type ToolCall,
  type Usage,
} from '@integration-api/core';
import * as pb from '../generated/integration/v1/inference.js';

/* Core's chat results and stream events → integration.v1 messages. */

const FINISH_REASON: Readonly<Record<FinishReason, pb.FinishReason>> = {
  stop: pb.FinishReason.FINISH_REASON_STOP,
  length: pb.FinishReason.FINISH_REASON_LENGTH,
  tool_calls: pb.FinishReason.FINISH_REASON_TOOL_CALLS,
  content_filter: pb.FinishReason.FINISH_REASON_CONTENT_FILTER,
  error: pb.FinishReason.FINISH_REASON_ERROR,
  other: pb.FinishReason.FINISH_REASON_OTHER,
};

export function toChatResponse(result: ChatResult): pb.ChatResponse {
  return {
    message: {
      text: result.message.text,
      reasoning: result.message.reasoning ?? '',
      toolCalls: result.message.toolCalls.map(toToolCallMessage),
    },
    finishReason: FINISH_REASON[result.finishReason] ?? pb.FinishReason.FINISH_REASON_OTHER,
    rawFinishReason: result.rawFinishReason ?? '',
    usage: toUsageMessage(result.usage),
    model: result.model ?? '',
    providerRequestId: result.providerRequestId ?? '',
    metrics: withoutUndefined<pb.Metrics>({
      latencyMs: result.metrics.latencyMs,
      timeToFirstTokenMs: result.metrics.timeToFirstTokenMs,
    }),
  };
}

/**
 * One frame for each event of core's stream. `finish` has no frame of its own: what it says
 * (finish reason, model, request id) arrives whole in the `final` frame that follows it.
 */
export function toStreamFrame(event: InferenceStreamEvent): pb.StreamChatResponse | undefined {
  switch (event.type) {
    case 'text-delta':
      return { textDelta: event.delta };
    case 'reasoning-delta':
      return { reasoningDelta: event.delta };
    case 'tool-call-start':
      return { toolCallStart: { index: event.index, id: event.id, name: event.name } };
    case 'tool-call-delta':
      return { toolCallDelta: { index: event.index, argumentsDelta: event.argumentsDelta } };
    case 'tool-call-end':
      return { toolCallEnd: { index: event.index } };
    case 'usage':
      return { usage: toUsageMessage(event.usage) };
    case 'finish':
      return undefined;
    case 'done':
      return { final: toChatResponse(event.result) };
  }
}

/** The counts core knows, by name: an adapter's extra fields stay behind. */
export function toUsageMessage(usage: Usage): pb.Usage {
  return withoutUndefined<pb.Usage>({
    inputTokens: usage.inputTokens,
    outputTokens: usage.outputTokens,
    totalTokens: usage.totalTokens,
    cachedInputTokens: usage.cachedInputTokens,
    reasoningTokens: usage.reasoningTokens,
  });
}

function toToolCallMessage(call: ToolCall): pb.ToolCall {
  return { id: call.id, name: call.name, arguments: call.arguments };
}

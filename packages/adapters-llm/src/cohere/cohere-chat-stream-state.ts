import { ProviderError, type ChatStreamEvent } from '@integration-api/core';
import { scrubSecrets } from '../http/scrub-secrets.js';
import type {
  CohereContentDeltaEvent,
  CohereContentStartEvent,
  CohereMessageEndEvent,
  CohereMessageStartEvent,
  CohereStreamEvent,
  CohereToolCallDeltaEvent,
  CohereToolCallStartEvent,
  CohereToolPlanDeltaEvent,
} from './cohere-api.js';
import { convertCohereUsage } from './convert-cohere-usage.js';
import { mapCohereFinishReason } from './map-cohere-finish-reason.js';

interface OpenToolCall {
  /** Our index: tool calls numbered from 0 in order of arrival. */
  readonly index: number;
  /** Argument text held back while it could still be the `null` of a call without arguments. */
  held: string;
  /** Whether any argument text went out. */
  sent: boolean;
  ended: boolean;
}

export interface CohereChatStreamStateOptions {
  /** The credential's secret values, kept out of an error message the stream reports. */
  readonly secrets?: readonly string[];
}

/**
 * Turns Cohere's `/v2/chat` stream events (the parsed `data:` payloads) into our stream events.
 * `message-end` is the end marker: it yields the usage and the one `finish`; `end()` throws when
 * it never came. Text deltas are text, `thinking` deltas and the `tool-plan` are reasoning (as in
 * the non-streamed result). Tool-call arguments stream as they come, except that a call without
 * arguments (`""`, or the text `null`) ends with the arguments `{}`.
 */
export class CohereChatStreamState {
  private readonly secrets: readonly string[];
  private providerRequestId?: string;
  private readonly toolCalls = new Map<number, OpenToolCall>();
  private lastToolCall?: OpenToolCall;
  private nextToolIndex = 0;
  private thinkingSeen = false;
  private planSeen = false;
  private finished = false;

  constructor(options: CohereChatStreamStateOptions = {}) {
    this.secrets = options.secrets ?? [];
  }

  push(event: CohereStreamEvent): ChatStreamEvent[] {
    if (this.finished) return [];
    switch (event.type) {
      case 'message-start': {
        const { id } = event as CohereMessageStartEvent;
        if (typeof id === 'string' && id) this.providerRequestId = id;
        return [];
      }
      case 'content-start':
        return this.content((event as CohereContentStartEvent).delta?.message?.content);
      case 'content-delta':
        return this.content((event as CohereContentDeltaEvent).delta?.message?.content);
      case 'tool-plan-delta':
        return this.plan((event as CohereToolPlanDeltaEvent).delta?.message?.tool_plan);
      case 'tool-call-start':
        return this.startToolCall(event as CohereToolCallStartEvent);
      case 'tool-call-delta': {
        const delta = event as CohereToolCallDeltaEvent;
        const call = this.toolCallAt(delta.index);
        const args = delta.delta?.message?.tool_calls?.function?.arguments;
        return call && !call.ended && typeof args === 'string' ? this.arguments(call, args) : [];
      }
      case 'tool-call-end': {
        const call = this.toolCallAt((event as { index?: number }).index);
        return call ? this.endToolCall(call) : [];
      }
      case 'message-end':
        return this.finish(event as CohereMessageEndEvent);
      default:
        // content-end, citation-start, citation-end and event types added later carry nothing for us.
        return [];
    }
  }

  /** Called when the body ended; throws unless `message-end` arrived. */
  end(): ChatStreamEvent[] {
    if (!this.finished) {
      throw new ProviderError('error', 'cohere', 'the stream ended before its message-end event');
    }
    return [];
  }

  private content(content: { text?: unknown; thinking?: unknown } | undefined): ChatStreamEvent[] {
    if (typeof content?.thinking === 'string') {
      if (!content.thinking) return [];
      this.thinkingSeen = true;
      return [{ type: 'reasoning-delta', delta: content.thinking }];
    }
    if (typeof content?.text === 'string' && content.text)
      return [{ type: 'text-delta', delta: content.text }];
    return [];
  }

  private plan(text: unknown): ChatStreamEvent[] {
    if (typeof text !== 'string' || !text) return [];
    // Same separation as the non-streamed result when the model both thought and planned.
    const delta = !this.planSeen && this.thinkingSeen ? `\n\n${text}` : text;
    this.planSeen = true;
    return [{ type: 'reasoning-delta', delta }];
  }

  private startToolCall(event: CohereToolCallStartEvent): ChatStreamEvent[] {
    const start = event.delta?.message?.tool_calls;
    const call: OpenToolCall = { index: this.nextToolIndex++, held: '', sent: false, ended: false };
    this.toolCalls.set(event.index ?? call.index, call);
    this.lastToolCall = call;
    const name = start?.function?.name ?? '';
    const events: ChatStreamEvent[] = [
      { type: 'tool-call-start', index: call.index, id: start?.id || `${name}_${call.index}`, name },
    ];
    const args = start?.function?.arguments;
    if (typeof args === 'string') events.push(...this.arguments(call, args));
    return events;
  }

  private toolCallAt(index: number | undefined): OpenToolCall | undefined {
    return (index !== undefined ? this.toolCalls.get(index) : undefined) ?? this.lastToolCall;
  }

  private arguments(call: OpenToolCall, fragment: string): ChatStreamEvent[] {
    if (!fragment) return [];
    if (call.sent) return [{ type: 'tool-call-delta', index: call.index, argumentsDelta: fragment }];
    call.held += fragment;
    if ('null'.startsWith(call.held.trim())) return [];
    call.sent = true;
    const held = call.held;
    call.held = '';
    return [{ type: 'tool-call-delta', index: call.index, argumentsDelta: held }];
  }

  private endToolCall(call: OpenToolCall): ChatStreamEvent[] {
    if (call.ended) return [];
    call.ended = true;
    const events: ChatStreamEvent[] = [];
    if (!call.sent) events.push({ type: 'tool-call-delta', index: call.index, argumentsDelta: '{}' });
    events.push({ type: 'tool-call-end', index: call.index });
    return events;
  }

  private finish(event: CohereMessageEndEvent): ChatStreamEvent[] {
    this.finished = true;
    const error = event.delta?.error;
    if (typeof error === 'string' && error.trim()) {
      throw new ProviderError('error', 'cohere', scrubSecrets(error, this.secrets));
    }
    const events: ChatStreamEvent[] = [];
    for (const call of this.toolCalls.values()) events.push(...this.endToolCall(call));
    const usage = convertCohereUsage(event.delta?.usage);
    if (Object.keys(usage).length > 0) events.push({ type: 'usage', usage });
    const raw = event.delta?.finish_reason;
    events.push({
      type: 'finish',
      finishReason: mapCohereFinishReason(raw),
      ...(raw ? { rawFinishReason: raw } : {}),
      ...(this.providerRequestId ? { providerRequestId: this.providerRequestId } : {}),
    });
    return events;
  }
}

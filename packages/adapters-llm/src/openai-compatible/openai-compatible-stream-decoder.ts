import { ProviderError, type ChatStreamEvent, type ProviderId } from '@integration-api/core';
import { convertOpenAICompatibleUsage } from './convert-openai-compatible-usage.js';
import { mapOpenAICompatibleFinishReason } from './map-openai-compatible-finish-reason.js';
import type { OpenAICompatibleChatResponse, OpenAICompatibleToolCallPart } from './openai-compatible-api.js';
import { readAssistantText } from './openai-compatible-content.js';
import { openAICompatibleErrorOf } from './openai-compatible-error.js';
import { argumentsText, nonEmpty } from './parse-openai-compatible-response.js';

export interface StreamDecoderOptions {
  readonly provider: ProviderId;
  /** From the response headers; the chunks' id is used when absent. */
  readonly requestId?: string;
  /** Scrubbed from error messages found in the stream. */
  readonly secrets: Iterable<string>;
}

interface StreamedCall {
  /** Our index: calls are numbered 0, 1, ... in the order they start. */
  readonly index: number;
  readonly id: string;
  /** The server's index, when it sends one (Mistral's whole calls have none). */
  readonly upstreamIndex?: number;
  open: boolean;
}

/**
 * Turns `chat.completion.chunk` payloads into our stream events, one chunk at a time; pure, so
 * recorded streams test it without HTTP. It copes with what servers really send: Azure's first
 * chunk with no id, model or choices (only prompt_filter_results), the usage-only last chunk with
 * `choices: []`, usage on the finishing chunk (Mistral), tool calls streamed as fragments and
 * interleaved by index, whole tool calls without an index (Mistral), continuation fragments with
 * no id and an empty name, and an `error` object mid-stream (thrown as ProviderError).
 */
export class OpenAICompatibleStreamDecoder {
  private readonly calls: StreamedCall[] = [];
  private rawFinishReason?: string;
  private model?: string;
  private responseId?: string;
  private refused = false;
  private ended = false;

  constructor(private readonly options: StreamDecoderOptions) {}

  /** A finish_reason arrived: the answer is complete even if the end marker does not follow. */
  get sawFinishReason(): boolean {
    return this.rawFinishReason !== undefined;
  }

  /** The events one parsed `data:` payload carries. */
  push(payload: unknown): ChatStreamEvent[] {
    const { provider } = this.options;
    const error = openAICompatibleErrorOf(provider, payload, this.options.secrets);
    if (error) throw error;
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
      throw new ProviderError('error', provider, 'the stream held an event that is not a JSON object');
    }
    const chunk = payload as OpenAICompatibleChatResponse;
    this.model = nonEmpty(chunk.model) ?? this.model;
    this.responseId ??= nonEmpty(chunk.id);

    const events: ChatStreamEvent[] = [];
    const choices = Array.isArray(chunk.choices) ? chunk.choices : [];
    const choice = choices.find((c) => (c?.index ?? 0) === 0);
    if (choice) {
      const { text, reasoning, refusal } = readAssistantText(choice.delta);
      if (reasoning) events.push({ type: 'reasoning-delta', delta: reasoning });
      if (text) events.push({ type: 'text-delta', delta: text });
      if (refusal) this.refused = true;
      const toolCalls = choice.delta?.tool_calls;
      if (toolCalls) {
        // TGI before 3.x streams one call as an object rather than a list of one.
        for (const part of Array.isArray(toolCalls) ? toolCalls : [toolCalls])
          this.addToolCallPart(part, events);
      }
      if (typeof choice.finish_reason === 'string' && choice.finish_reason) {
        this.rawFinishReason = choice.finish_reason;
        this.closeCalls(events);
      }
    }
    if (chunk.usage && typeof chunk.usage === 'object') {
      const usage = convertOpenAICompatibleUsage(chunk.usage);
      if (Object.keys(usage).length > 0) events.push({ type: 'usage', usage });
    }
    return events;
  }

  /** The events that close the stream once its end marker arrived: open tool calls end, then `finish`. */
  end(): ChatStreamEvent[] {
    if (this.ended) return [];
    this.ended = true;
    const events: ChatStreamEvent[] = [];
    this.closeCalls(events);
    const requestId = this.options.requestId ?? this.responseId;
    events.push({
      type: 'finish',
      finishReason: mapOpenAICompatibleFinishReason(this.rawFinishReason, {
        hasToolCalls: this.calls.length > 0,
        refused: this.refused,
      }),
      ...(this.rawFinishReason !== undefined ? { rawFinishReason: this.rawFinishReason } : {}),
      ...(this.model ? { model: this.model } : {}),
      ...(requestId ? { providerRequestId: requestId } : {}),
    });
    return events;
  }

  private addToolCallPart(part: OpenAICompatibleToolCallPart, events: ChatStreamEvent[]): void {
    if (typeof part !== 'object' || part === null) return;
    const upstreamIndex = typeof part.index === 'number' ? part.index : undefined;
    const id = nonEmpty(part.id);
    const name = nonEmpty(part.function?.name);
    const args = argumentsText(part.function?.arguments);

    let call = this.callFor(upstreamIndex, id);
    if (call && !call.open) return; // fragments after the choice finished change nothing
    if (!call) {
      if (upstreamIndex !== undefined) {
        // A new id at an index already in use: a server that numbers every call 0.
        const previous = this.latestAt(upstreamIndex);
        if (previous?.open) this.closeCall(previous, events);
      }
      call = {
        index: this.calls.length,
        id: id ?? `call_${this.calls.length}`,
        ...(upstreamIndex !== undefined ? { upstreamIndex } : {}),
        open: true,
      };
      this.calls.push(call);
      events.push({ type: 'tool-call-start', index: call.index, id: call.id, name: name ?? '' });
    }
    if (args) events.push({ type: 'tool-call-delta', index: call.index, argumentsDelta: args });
  }

  /** The call a fragment continues, or undefined when it starts a new one. */
  private callFor(upstreamIndex: number | undefined, id: string | undefined): StreamedCall | undefined {
    if (upstreamIndex !== undefined) {
      const known = this.latestAt(upstreamIndex);
      return known && (id === undefined || id === known.id) ? known : undefined;
    }
    if (id !== undefined) return this.calls.find((call) => call.id === id);
    // Neither index nor id: it can only continue the latest call.
    return this.calls.at(-1);
  }

  private latestAt(upstreamIndex: number): StreamedCall | undefined {
    return this.calls.findLast((call) => call.upstreamIndex === upstreamIndex);
  }

  private closeCalls(events: ChatStreamEvent[]): void {
    for (const call of this.calls) if (call.open) this.closeCall(call, events);
  }

  private closeCall(call: StreamedCall, events: ChatStreamEvent[]): void {
    call.open = false;
    events.push({ type: 'tool-call-end', index: call.index });
  }
}

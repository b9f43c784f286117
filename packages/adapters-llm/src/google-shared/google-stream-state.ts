import { ProviderError, type ChatStreamEvent, type ProviderId } from '@integration-api/core';
import { convertGoogleUsage, hasTokenCounts } from './convert-google-usage.js';
import type { GoogleFunctionCall, GoogleGenerateContentResponse, GoogleUsageMetadata } from './google-api.js';
import { googleStreamError } from './google-error.js';
import { GooglePartialArgs } from './google-partial-args.js';
import { googleToolCallId } from './google-tool-call-id.js';
import { mapGoogleFinishReason } from './map-google-finish-reason.js';
import { firstCandidate } from './parse-google-response.js';

interface OpenCall {
  readonly index: number;
  readonly args: GooglePartialArgs;
}

/**
 * Turns the chunks of `streamGenerateContent?alt=sse` (each one `data:` JSON, already parsed)
 * into our stream events. Google's stream has no end marker of its own: it is over after the
 * chunk that carries a `finishReason` (or a prompt block) and the end of the body. `end()` is
 * called at the end of the body and throws when that chunk never came: the stream was cut.
 *
 * - Text parts become text deltas, `thought: true` parts reasoning deltas.
 * - A function call gets index n (counting the answer's calls) and an id from googleToolCallId.
 *   Its arguments are sent as one delta of JSON text when the call is complete: the Gemini API
 *   delivers each call whole (`{name, args}`), so start, one delta and end come together. With
 *   Vertex's `streamFunctionCallArguments` a call comes as `{name, willContinue}`, pieces in
 *   `partialArgs`, and a part without `willContinue` that closes it (or the finish chunk, when
 *   Vertex leaves that part out); the pieces are reassembled and sent whole at the close, since
 *   JSON text streamed piece by piece could not be corrected if a later piece revisited a path.
 * - Every chunk repeats the cumulative usage (Vertex chunks before the last carry only the
 *   traffic type); the latest counts are sent once, before `finish`.
 * - An `error` chunk (Google can fail a stream after a 200) throws its ProviderError.
 */
export class GoogleStreamState {
  private responseId: string | undefined;
  private modelVersion: string | undefined;
  private usage: GoogleUsageMetadata | undefined;
  private finishReason: string | undefined;
  private blockReason: string | undefined;
  private callCount = 0;
  private openCall: OpenCall | undefined;
  private ended = false;

  constructor(
    private readonly provider: ProviderId,
    private readonly secrets: Iterable<string> = [],
  ) {}

  private get finished(): boolean {
    return this.finishReason !== undefined || this.blockReason !== undefined;
  }

  push(chunk: GoogleGenerateContentResponse): ChatStreamEvent[] {
    if (chunk.error) throw googleStreamError(this.provider, chunk.error, this.secrets);
    this.responseId ??= chunk.responseId;
    this.modelVersion ??= chunk.modelVersion;
    if (hasTokenCounts(chunk.usageMetadata)) this.usage = chunk.usageMetadata;
    if (this.finished) return [];

    const events: ChatStreamEvent[] = [];
    const candidate = firstCandidate(chunk.candidates);
    if (!candidate) {
      if (chunk.promptFeedback?.blockReason) this.blockReason = chunk.promptFeedback.blockReason;
      return events;
    }
    for (const part of candidate.content?.parts ?? []) {
      if (part.functionCall) this.onFunctionCall(part.functionCall, events);
      else if (typeof part.text === 'string' && part.text.length > 0) {
        events.push({ type: part.thought ? 'reasoning-delta' : 'text-delta', delta: part.text });
      }
    }
    if (candidate.finishReason) {
      this.closeCall(events);
      this.finishReason = candidate.finishReason;
    }
    return events;
  }

  end(): ChatStreamEvent[] {
    if (this.ended) return [];
    this.ended = true;
    if (!this.finished) {
      throw new ProviderError('error', this.provider, 'the stream ended before the answer was finished');
    }
    const finishReason = this.blockReason
      ? 'content_filter'
      : mapGoogleFinishReason(this.finishReason, this.callCount > 0);
    const rawFinishReason = this.blockReason ?? this.finishReason;
    return [
      ...(this.usage ? [{ type: 'usage', usage: convertGoogleUsage(this.usage) } as const] : []),
      {
        type: 'finish',
        finishReason,
        ...(rawFinishReason ? { rawFinishReason } : {}),
        ...(this.modelVersion ? { model: this.modelVersion } : {}),
        ...(this.responseId ? { providerRequestId: this.responseId } : {}),
      },
    ];
  }

  private onFunctionCall(call: GoogleFunctionCall, events: ChatStreamEvent[]): void {
    if (call.name) {
      this.closeCall(events);
      const index = this.callCount++;
      this.openCall = { index, args: new GooglePartialArgs(this.provider) };
      events.push({
        type: 'tool-call-start',
        index,
        id: googleToolCallId(call, this.responseId, index),
        name: call.name,
      });
    }
    // A piece for no open call has nowhere to go: Vertex always names the call first.
    if (call.args) this.openCall?.args.setWhole(call.args);
    if (call.partialArgs?.length) this.openCall?.args.apply(call.partialArgs);
    if (!call.willContinue) this.closeCall(events);
  }

  private closeCall(events: ChatStreamEvent[]): void {
    const call = this.openCall;
    if (!call) return;
    this.openCall = undefined;
    events.push(
      { type: 'tool-call-delta', index: call.index, argumentsDelta: call.args.json() },
      { type: 'tool-call-end', index: call.index },
    );
  }
}

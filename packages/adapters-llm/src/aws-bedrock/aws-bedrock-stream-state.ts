import { ProviderError, type ChatStreamEvent } from '@integration-api/core';
import type { AwsBedrockStreamEvent } from './aws-bedrock-api.js';
import { AWS_BEDROCK_PROVIDER } from './aws-bedrock-error.js';
import { convertAwsBedrockUsage } from './convert-aws-bedrock-usage.js';
import { mapAwsBedrockFinishReason } from './map-aws-bedrock-finish-reason.js';

interface ToolBlock {
  readonly toolIndex: number;
  sentArguments: boolean;
}

export interface AwsBedrockStreamMeta {
  /** ConverseStream does not name the model; the adapter passes the one it called. */
  readonly model?: string;
  /** From the `x-amzn-requestid` header of the stream's response. */
  readonly providerRequestId?: string;
}

/**
 * Turns decoded ConverseStream events into ours.
 * - Text blocks have no `contentBlockStart`: their deltas are simply text. Tool blocks start with
 *   `contentBlockStart.start.toolUse` and are numbered 0, 1, ... in order of appearance, whatever
 *   their block index; their input comes as JSON text fragments. A call whose input never came
 *   (a tool without parameters sends `""`) gets `{}` when its block stops.
 * - Reasoning deltas become reasoning; their signature and redacted content are skipped, as are
 *   `messageStart` and unknown events.
 * - `messageStop` carries the stop reason and `metadata` the usage, in either order (real streams
 *   send the usage last). `finish` follows once both came, so it carries the usage; when the body
 *   ends after `messageStop` without usage, `end()` finishes; before `messageStop`, `end()` throws,
 *   so a cut stream never passes for a whole answer.
 */
export class AwsBedrockStreamState {
  private readonly toolBlocks = new Map<number, ToolBlock>();
  private nextToolIndex = 0;
  private stopReason?: string;
  private stopped = false;
  private usageSeen = false;
  private finished = false;

  constructor(private readonly meta: AwsBedrockStreamMeta = {}) {}

  /** True once `finish` was emitted: nothing more will come of this stream. */
  get done(): boolean {
    return this.finished;
  }

  push(event: AwsBedrockStreamEvent): ChatStreamEvent[] {
    if (this.finished) return [];
    switch (event.type) {
      case 'contentBlockStart': {
        const toolUse = event.payload.start?.toolUse;
        if (!toolUse) return [];
        const toolIndex = this.nextToolIndex++;
        this.toolBlocks.set(event.payload.contentBlockIndex ?? -1, { toolIndex, sentArguments: false });
        return [
          {
            type: 'tool-call-start',
            index: toolIndex,
            id: toolUse.toolUseId ?? '',
            name: toolUse.name ?? '',
          },
        ];
      }
      case 'contentBlockDelta':
        return this.delta(event.payload);
      case 'contentBlockStop': {
        const blockIndex = event.payload.contentBlockIndex ?? -1;
        const block = this.toolBlocks.get(blockIndex);
        this.toolBlocks.delete(blockIndex);
        return block ? this.closeTool(block) : [];
      }
      case 'messageStop':
        this.stopped = true;
        if (typeof event.payload.stopReason === 'string') this.stopReason = event.payload.stopReason;
        return this.usageSeen ? this.finish() : [];
      case 'metadata': {
        if (!event.payload.usage) return [];
        this.usageSeen = true;
        const usage: ChatStreamEvent = { type: 'usage', usage: convertAwsBedrockUsage(event.payload.usage) };
        return this.stopped ? [usage, ...this.finish()] : [usage];
      }
      default:
        // messageStart, and event types added after this was written.
        return [];
    }
  }

  end(): ChatStreamEvent[] {
    if (this.finished) return [];
    if (!this.stopped) {
      throw new ProviderError('error', AWS_BEDROCK_PROVIDER, 'the stream ended before its messageStop event');
    }
    return this.finish();
  }

  private delta(
    payload: Extract<AwsBedrockStreamEvent, { type: 'contentBlockDelta' }>['payload'],
  ): ChatStreamEvent[] {
    const delta = payload.delta;
    if (!delta) return [];
    if (typeof delta.text === 'string') return delta.text ? [{ type: 'text-delta', delta: delta.text }] : [];
    if (delta.toolUse) {
      const block = this.toolBlocks.get(payload.contentBlockIndex ?? -1);
      if (!block) {
        throw new ProviderError(
          'error',
          AWS_BEDROCK_PROVIDER,
          'tool input arrived for a block that started no tool call',
        );
      }
      const fragment = delta.toolUse.input;
      if (typeof fragment !== 'string' || fragment === '') return [];
      block.sentArguments = true;
      return [{ type: 'tool-call-delta', index: block.toolIndex, argumentsDelta: fragment }];
    }
    const thought = delta.reasoningContent?.text;
    return thought ? [{ type: 'reasoning-delta', delta: thought }] : [];
  }

  private closeTool(block: ToolBlock): ChatStreamEvent[] {
    const events: ChatStreamEvent[] = [];
    if (!block.sentArguments)
      events.push({ type: 'tool-call-delta', index: block.toolIndex, argumentsDelta: '{}' });
    events.push({ type: 'tool-call-end', index: block.toolIndex });
    return events;
  }

  private finish(): ChatStreamEvent[] {
    // A tool block left open is closed, so every started call also ends.
    const events = [...this.toolBlocks.values()].flatMap((block) => this.closeTool(block));
    this.toolBlocks.clear();
    this.finished = true;
    events.push({
      type: 'finish',
      finishReason: mapAwsBedrockFinishReason(this.stopReason),
      ...(this.stopReason !== undefined ? { rawFinishReason: this.stopReason } : {}),
      ...(this.meta.model !== undefined ? { model: this.meta.model } : {}),
      ...(this.meta.providerRequestId !== undefined
        ? { providerRequestId: this.meta.providerRequestId }
        : {}),
    });
    return events;
  }
}

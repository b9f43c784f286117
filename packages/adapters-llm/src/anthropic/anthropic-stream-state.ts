import { ProviderError, type ChatStreamEvent } from '@integration-api/core';
import type { AnthropicContentBlock, AnthropicStreamEvent, AnthropicUsage } from './anthropic-api.js';
import { anthropicStreamError } from './anthropic-error.js';
import { convertAnthropicUsage, mergeAnthropicUsage } from './convert-anthropic-usage.js';
import { mapAnthropicStopReason } from './map-anthropic-stop-reason.js';

type Block =
  | { readonly kind: 'text' | 'thinking' | 'skipped' }
  | { readonly kind: 'tool'; readonly toolIndex: number; readonly input: unknown; sentArguments: boolean };

/**
 * Turns the events of a Messages API stream (already parsed from SSE) into ours.
 * - `message_start` gives the id, the model and the first usage; `message_delta` the stop reason
 *   and cumulative usage, which revises the first (input and cache counts included), so each
 *   usage event carries the merged counts.
 * - Tool calls are numbered 0, 1, ... in order of appearance, whatever their content block index
 *   (text, thinking and server-tool blocks take indexes too). A call whose arguments never came
 *   (`partial_json: ""` only, for a tool without parameters) gets `{}` at its block's end.
 * - Thinking deltas become reasoning; signatures, redacted thinking and the blocks of server tools
 *   (run by Anthropic, not by the caller) are skipped, as are `ping` and unknown events.
 * - An `error` event throws; `message_stop` ends the stream with `finish`. `end()` throws when the
 *   stream stopped before `message_stop`, so a cut stream never passes for a whole answer.
 */
export class AnthropicStreamState {
  private readonly blocks = new Map<number, Block>();
  private nextToolIndex = 0;
  private usage: AnthropicUsage = {};
  private id?: string;
  private model?: string;
  private stopReason?: string;
  private finished = false;

  /** `secrets`: the credential's values, scrubbed from the messages of error events. */
  constructor(private readonly secrets: readonly string[] = []) {}

  push(event: AnthropicStreamEvent): ChatStreamEvent[] {
    if (this.finished) return [];
    switch (event.type) {
      case 'message_start': {
        const { message } = event;
        if (message.id) this.id = message.id;
        if (message.model) this.model = message.model;
        return this.updateUsage(message.usage);
      }
      case 'content_block_start':
        return this.startBlock(event.index, event.content_block);
      case 'content_block_delta':
        return this.delta(event);
      case 'content_block_stop': {
        const block = this.blocks.get(event.index);
        this.blocks.delete(event.index);
        return block?.kind === 'tool' ? this.closeTool(block) : [];
      }
      case 'message_delta':
        if (event.delta?.stop_reason) this.stopReason = event.delta.stop_reason;
        return this.updateUsage(event.usage);
      case 'message_stop':
        return this.finish();
      case 'error':
        throw anthropicStreamError(event, this.secrets);
      default:
        // `ping`, and event types added after this was written.
        return [];
    }
  }

  end(): ChatStreamEvent[] {
    if (this.finished) return [];
    throw new ProviderError('error', 'anthropic', 'the stream ended before message_stop');
  }

  private startBlock(index: number, block: AnthropicContentBlock): ChatStreamEvent[] {
    switch (block.type) {
      case 'text':
        this.blocks.set(index, { kind: 'text' });
        return block.text ? [{ type: 'text-delta', delta: block.text }] : [];
      case 'thinking':
        this.blocks.set(index, { kind: 'thinking' });
        return block.thinking ? [{ type: 'reasoning-delta', delta: block.thinking }] : [];
      case 'tool_use': {
        const toolIndex = this.nextToolIndex++;
        this.blocks.set(index, { kind: 'tool', toolIndex, input: block.input, sentArguments: false });
        return [{ type: 'tool-call-start', index: toolIndex, id: block.id ?? '', name: block.name ?? '' }];
      }
      default:
        this.blocks.set(index, { kind: 'skipped' });
        return [];
    }
  }

  private delta(event: Extract<AnthropicStreamEvent, { type: 'content_block_delta' }>): ChatStreamEvent[] {
    const { delta } = event;
    const block = this.blocks.get(event.index);
    switch (delta?.type) {
      case 'text_delta':
        return block?.kind !== 'skipped' && delta.text ? [{ type: 'text-delta', delta: delta.text }] : [];
      case 'thinking_delta':
        return block?.kind !== 'skipped' && delta.thinking
          ? [{ type: 'reasoning-delta', delta: delta.thinking }]
          : [];
      case 'input_json_delta':
        if (block?.kind !== 'tool' || !delta.partial_json) return [];
        block.sentArguments = true;
        return [{ type: 'tool-call-delta', index: block.toolIndex, argumentsDelta: delta.partial_json }];
      default:
        // signature_delta, citations_delta and newer kinds carry nothing of our model.
        return [];
    }
  }

  private closeTool(block: Extract<Block, { kind: 'tool' }>): ChatStreamEvent[] {
    const events: ChatStreamEvent[] = [];
    if (!block.sentArguments) {
      // No fragment came: the arguments are the block's initial input, normally {}.
      const input = isObject(block.input) ? block.input : {};
      events.push({ type: 'tool-call-delta', index: block.toolIndex, argumentsDelta: JSON.stringify(input) });
    }
    events.push({ type: 'tool-call-end', index: block.toolIndex });
    return events;
  }

  private updateUsage(update: AnthropicUsage | null | undefined): ChatStreamEvent[] {
    if (!update) return [];
    this.usage = mergeAnthropicUsage(this.usage, update);
    return [{ type: 'usage', usage: convertAnthropicUsage(this.usage) }];
  }

  private finish(): ChatStreamEvent[] {
    // A tool block left open is closed, so every started call also ends.
    const events = [...this.blocks.values()].flatMap((block) =>
      block.kind === 'tool' ? this.closeTool(block) : [],
    );
    this.blocks.clear();
    this.finished = true;
    events.push({
      type: 'finish',
      finishReason: mapAnthropicStopReason(this.stopReason),
      ...(this.stopReason !== undefined ? { rawFinishReason: this.stopReason } : {}),
      ...(this.model !== undefined ? { model: this.model } : {}),
      ...(this.id !== undefined ? { providerRequestId: this.id } : {}),
    });
    return events;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

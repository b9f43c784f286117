import type { InferenceStreamEvent } from '@integration-api/core';
import {
  toFinishReason,
  toOpenAiUsage,
  type CompletionMeta,
  type OpenAiFinishReason,
  type OpenAiUsage,
} from './convert-chat-response.js';

export interface ChunkDelta {
  readonly role?: 'assistant';
  readonly content?: string;
  /** Not OpenAI's: reasoning as it streams, under DeepSeek's name. */
  readonly reasoning_content?: string;
  readonly tool_calls?: ReadonlyArray<{
    readonly index: number;
    readonly id?: string;
    readonly type?: 'function';
    readonly function: { readonly name?: string; readonly arguments: string };
  }>;
}

export interface ChatCompletionChunk {
  readonly id: string;
  readonly object: 'chat.completion.chunk';
  readonly created: number;
  readonly model: string;
  readonly choices: ReadonlyArray<{
    readonly index: 0;
    readonly delta: ChunkDelta;
    readonly logprobs: null;
    readonly finish_reason: OpenAiFinishReason | null;
  }>;
  /** Present on every chunk when usage was asked for: null until the last chunk, OpenAI's way. */
  readonly usage?: OpenAiUsage | null;
}

/**
 * Core's stream events → OpenAI chunks, in OpenAI's order: a first chunk with the role, content
 * and tool-call deltas, one chunk with the finish reason, then (with `include_usage`) a chunk with
 * the usage and no choices. One instance per answer: it numbers the tool calls.
 */
export class ChatCompletionChunks {
  private started = false;
  /** Core's tool-call index → OpenAI's, which must count 0, 1, 2… (clients fill an array by it). */
  private readonly toolIndexes = new Map<number, number>();

  constructor(
    private readonly meta: CompletionMeta,
    private readonly includeUsage: boolean,
  ) {}

  map(event: InferenceStreamEvent): ChatCompletionChunk[] {
    const chunks: ChatCompletionChunk[] = [];
    if (!this.started && event.type !== 'done') {
      this.started = true;
      chunks.push(this.chunk({ role: 'assistant', content: '' }));
    }
    switch (event.type) {
      case 'text-delta':
        if (event.delta) chunks.push(this.chunk({ content: event.delta }));
        break;
      case 'reasoning-delta':
        if (event.delta) chunks.push(this.chunk({ reasoning_content: event.delta }));
        break;
      case 'tool-call-start': {
        const index = this.toolIndexes.size;
        this.toolIndexes.set(event.index, index);
        chunks.push(
          this.chunk({
            tool_calls: [
              { index, id: event.id, type: 'function', function: { name: event.name, arguments: '' } },
            ],
          }),
        );
        break;
      }
      case 'tool-call-delta': {
        const index = this.toolIndexes.get(event.index);
        if (index !== undefined && event.argumentsDelta) {
          chunks.push(this.chunk({ tool_calls: [{ index, function: { arguments: event.argumentsDelta } }] }));
        }
        break;
      }
      case 'finish':
        chunks.push(this.chunk({}, toFinishReason(event.finishReason)));
        break;
      case 'done':
        if (this.includeUsage) chunks.push(this.usageChunk(toOpenAiUsage(event.result.usage)));
        break;
      case 'tool-call-end':
      case 'usage':
        // Nothing to send: OpenAI marks neither, and the usage comes once, complete, at the end.
        break;
    }
    return chunks;
  }

  private chunk(delta: ChunkDelta, finishReason: OpenAiFinishReason | null = null): ChatCompletionChunk {
    return {
      ...this.head(),
      choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
      ...(this.includeUsage ? { usage: null } : {}),
    };
  }

  private usageChunk(usage: OpenAiUsage): ChatCompletionChunk {
    return { ...this.head(), choices: [], usage };
  }

  private head() {
    const { id, created, model } = this.meta;
    return { id, object: 'chat.completion.chunk' as const, created, model };
  }
}

import { randomUUID } from 'node:crypto';
import type { ChatResult, FinishReason, ToolCall, Usage } from '@integration-api/core';

export type OpenAiFinishReason = 'stop' | 'length' | 'tool_calls' | 'content_filter';

export interface OpenAiUsage {
  readonly prompt_tokens: number;
  readonly completion_tokens: number;
  readonly total_tokens: number;
  readonly prompt_tokens_details: { readonly cached_tokens: number };
  readonly completion_tokens_details: { readonly reasoning_tokens: number };
}

export interface OpenAiToolCall {
  readonly id: string;
  readonly type: 'function';
  readonly function: { readonly name: string; readonly arguments: string };
}

export interface ChatCompletion {
  readonly id: string;
  readonly object: 'chat.completion';
  readonly created: number;
  readonly model: string;
  readonly choices: ReadonlyArray<{
    readonly index: 0;
    readonly message: {
      readonly role: 'assistant';
      readonly content: string | null;
      readonly refusal: null;
      readonly tool_calls?: readonly OpenAiToolCall[];
      /** Not OpenAI's: the model's reasoning, where the provider returns it (DeepSeek's name). */
      readonly reasoning_content?: string;
    };
    readonly logprobs: null;
    readonly finish_reason: OpenAiFinishReason;
  }>;
  readonly usage: OpenAiUsage;
}

/** What every chunk and completion of one answer share. */
export interface CompletionMeta {
  readonly id: string;
  /** Unix seconds. */
  readonly created: number;
  readonly model: string;
}

export function newCompletionMeta(model: string, now = Date.now()): CompletionMeta {
  return { id: `chatcmpl-${randomId()}`, created: Math.floor(now / 1000), model };
}

/**
 * 20 base64url characters (15 bytes, 114 of them random bits) taken from a random UUID: Node
 * draws UUIDs from a pooled buffer of entropy, where randomBytes asks the kernel on every call,
 * and that system call was one of the costliest steps of a whole chat request.
 */
function randomId(): string {
  return Buffer.from(randomUUID().replaceAll('-', ''), 'hex').toString('base64url', 0, 15);
}

/** Core's `error` and `other` have no OpenAI counterpart; the answer did end, so `stop`. */
export function toFinishReason(reason: FinishReason): OpenAiFinishReason {
  return reason === 'length' || reason === 'tool_calls' || reason === 'content_filter' ? reason : 'stop';
}

/** Counts the provider did not report are 0, as OpenAI reports them. */
export function toOpenAiUsage(usage: Usage): OpenAiUsage {
  const prompt = usage.inputTokens ?? 0;
  const completion = usage.outputTokens ?? 0;
  return {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: usage.totalTokens ?? prompt + completion,
    prompt_tokens_details: { cached_tokens: usage.cachedInputTokens ?? 0 },
    completion_tokens_details: { reasoning_tokens: usage.reasoningTokens ?? 0 },
  };
}

export function toOpenAiToolCall(call: ToolCall): OpenAiToolCall {
  return { id: call.id, type: 'function', function: { name: call.name, arguments: call.arguments } };
}

export function toChatCompletion(result: ChatResult, meta: CompletionMeta): ChatCompletion {
  const { text, reasoning, toolCalls } = result.message;
  return {
    id: meta.id,
    object: 'chat.completion',
    created: meta.created,
    model: meta.model,
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          // OpenAI answers tool calls alone with null content.
          content: text === '' && toolCalls.length > 0 ? null : text,
          refusal: null,
          ...(toolCalls.length > 0 ? { tool_calls: toolCalls.map(toOpenAiToolCall) } : {}),
          ...(reasoning ? { reasoning_content: reasoning } : {}),
        },
        logprobs: null,
        finish_reason: toFinishReason(result.finishReason),
      },
    ],
    usage: toOpenAiUsage(result.usage),
  };
}

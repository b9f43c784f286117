/**
 * Builders of OpenAI chat-completions answers (non-streamed bodies and stream chunks), in the
 * variants OpenAI, Azure OpenAI and Mistral really send. Used with `json(...)` and `sse(...)` to
 * script the mock. Plain data only (no imports from the domain), so the runnable mock server can
 * use them too.
 */

export interface WireToolCall {
  readonly id: string;
  readonly name: string;
  readonly arguments: string;
}

export interface WireUsage {
  readonly prompt: number;
  readonly completion: number;
  readonly cached?: number;
  readonly reasoning?: number;
}

/** The three wire variants: where usage goes, how tool calls come, Azure's extra first chunk. */
export type CompletionStyle = 'openai' | 'azure' | 'mistral';

export function usageOf(usage: WireUsage): Record<string, unknown> {
  return {
    prompt_tokens: usage.prompt,
    completion_tokens: usage.completion,
    total_tokens: usage.prompt + usage.completion,
    ...(usage.cached !== undefined ? { prompt_tokens_details: { cached_tokens: usage.cached } } : {}),
    ...(usage.reasoning !== undefined
      ? { completion_tokens_details: { reasoning_tokens: usage.reasoning } }
      : {}),
  };
}

export interface ChatCompletionInput {
  readonly id?: string;
  readonly model: string;
  readonly text?: string;
  /** Sent as `reasoning_content` (or Mistral thinking blocks with style `mistral`). */
  readonly reasoning?: string;
  readonly toolCalls?: readonly WireToolCall[];
  readonly finishReason?: string;
  readonly usage?: WireUsage;
  readonly style?: CompletionStyle;
}

/** A non-streamed `chat.completion` body. */
export function chatCompletion(input: ChatCompletionInput): Record<string, unknown> {
  const style = input.style ?? 'openai';
  const mistralThinking = style === 'mistral' && input.reasoning !== undefined;
  const content = mistralThinking
    ? [
        { type: 'thinking', thinking: [{ type: 'text', text: input.reasoning }] },
        { type: 'text', text: input.text ?? '' },
      ]
    : (input.text ?? null);
  return {
    id: input.id ?? 'chatcmpl-mock',
    object: 'chat.completion',
    created: 1_700_000_000,
    model: input.model,
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content,
          ...(input.reasoning !== undefined && !mistralThinking
            ? { reasoning_content: input.reasoning }
            : {}),
          ...(input.toolCalls?.length
            ? {
                tool_calls: input.toolCalls.map((call) => ({
                  id: call.id,
                  ...(style === 'mistral' ? {} : { type: 'function' }),
                  function: { name: call.name, arguments: call.arguments },
                })),
              }
            : {}),
          ...(style === 'mistral' ? {} : { refusal: null }),
        },
        ...(style === 'azure' ? { content_filter_results: {} } : {}),
        finish_reason: input.finishReason ?? (input.toolCalls?.length ? 'tool_calls' : 'stop'),
      },
    ],
    ...(input.usage ? { usage: usageOf(input.usage) } : {}),
  };
}

export interface StreamedToolCall {
  readonly id: string;
  readonly name: string;
  /** The arguments, split as the server streams them. */
  readonly fragments: readonly string[];
}

export interface ChunksInput {
  readonly id?: string;
  readonly model: string;
  readonly style?: CompletionStyle;
  /** Text pieces, one chunk each. */
  readonly text?: readonly string[];
  /** Reasoning pieces before the text (`reasoning_content`, or Mistral thinking blocks). */
  readonly reasoning?: readonly string[];
  /**
   * Tool calls. OpenAI and Azure stream each call's start, then its fragments, the calls'
   * fragments interleaved by index; Mistral sends each call whole, without index, in the
   * finishing chunk.
   */
  readonly toolCalls?: readonly StreamedToolCall[];
  readonly finishReason?: string;
  /** OpenAI and Azure: a usage-only last chunk with `choices: []`; Mistral: on the finishing chunk. */
  readonly usage?: WireUsage;
}

/** The `chat.completion.chunk` payloads of a streamed answer (without `[DONE]`; `sse` adds it). */
export function chatCompletionChunks(input: ChunksInput): Record<string, unknown>[] {
  const style = input.style ?? 'openai';
  const id = input.id ?? 'chatcmpl-mock';
  const chunk = (delta: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    id,
    object: 'chat.completion.chunk',
    created: 1_700_000_000,
    model: input.model,
    choices: [
      {
        index: 0,
        delta,
        ...(style === 'azure' ? { content_filter_results: {} } : {}),
        finish_reason: null,
        ...extra,
      },
    ],
    ...(style === 'mistral' ? {} : { usage: null }),
  });
  const chunks: Record<string, unknown>[] = [];
  if (style === 'azure') {
    chunks.push({
      choices: [],
      created: 0,
      id: '',
      model: '',
      object: '',
      prompt_filter_results: [{ prompt_index: 0, content_filter_results: {} }],
    });
  }
  chunks.push(chunk({ role: 'assistant', content: '' }));
  for (const piece of input.reasoning ?? []) {
    chunks.push(
      chunk(
        style === 'mistral'
          ? { content: [{ type: 'thinking', thinking: [{ type: 'text', text: piece }] }] }
          : { reasoning_content: piece },
      ),
    );
  }
  for (const piece of input.text ?? []) chunks.push(chunk({ content: piece }));

  const calls = input.toolCalls ?? [];
  if (style !== 'mistral') {
    calls.forEach((call, index) =>
      chunks.push(
        chunk({
          tool_calls: [
            { index, id: call.id, type: 'function', function: { name: call.name, arguments: '' } },
          ],
        }),
      ),
    );
    const longest = Math.max(0, ...calls.map((call) => call.fragments.length));
    for (let f = 0; f < longest; f += 1) {
      calls.forEach((call, index) => {
        const fragment = call.fragments[f];
        if (fragment !== undefined) {
          chunks.push(chunk({ tool_calls: [{ index, function: { arguments: fragment } }] }));
        }
      });
    }
  }

  const finishReason = input.finishReason ?? (calls.length ? 'tool_calls' : 'stop');
  if (style === 'mistral') {
    chunks.push({
      ...chunk(
        calls.length
          ? {
              content: null,
              tool_calls: calls.map((call) => ({
                id: call.id,
                function: { name: call.name, arguments: call.fragments.join('') },
              })),
            }
          : { content: '' },
        { finish_reason: finishReason },
      ),
      ...(input.usage ? { usage: usageOf(input.usage) } : {}),
    });
    return chunks;
  }
  chunks.push(chunk({}, { finish_reason: finishReason }));
  if (input.usage) {
    chunks.push({
      id,
      object: 'chat.completion.chunk',
      created: 1_700_000_000,
      model: input.model,
      choices: [],
      usage: usageOf(input.usage),
    });
  }
  return chunks;
}

/** An `/embeddings` answer. */
export function embeddingList(
  vectors: readonly (readonly number[])[],
  options: { readonly model: string; readonly promptTokens?: number },
): Record<string, unknown> {
  return {
    object: 'list',
    data: vectors.map((embedding, index) => ({ object: 'embedding', index, embedding })),
    model: options.model,
    usage: { prompt_tokens: options.promptTokens ?? 0, total_tokens: options.promptTokens ?? 0 },
  };
}

/** OpenAI's (and Azure's) error body. */
export function openAIErrorBody(
  message: string,
  options: { readonly type?: string; readonly code?: string | null } = {},
): Record<string, unknown> {
  return {
    error: {
      message,
      type: options.type ?? 'invalid_request_error',
      param: null,
      code: options.code ?? null,
    },
  };
}

/** Mistral's error body. */
export function mistralErrorBody(message: string, type = 'invalid_request_error'): Record<string, unknown> {
  return { object: 'error', message, type, param: null, code: null };
}

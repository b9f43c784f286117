import type { AssistantOutput, ChatStreamEvent, FinishReason, ToolCall, Usage } from './chat.js';

interface PartialToolCall {
  id: string;
  name: string;
  arguments: string;
}

/**
 * Folds stream events into the whole answer, so a streamed call ends with the same result a
 * non-streamed one returns. Usage events merge: a later value for a field replaces an earlier one
 * (providers send cumulative counts), absent fields keep what was seen.
 */
export class ChatStreamAccumulator {
  private text = '';
  private reasoning = '';
  private readonly toolCalls = new Map<number, PartialToolCall>();
  private usage: Usage = {};
  private finish?: Extract<ChatStreamEvent, { type: 'finish' }>;

  add(event: ChatStreamEvent): void {
    switch (event.type) {
      case 'text-delta':
        this.text += event.delta;
        break;
      case 'reasoning-delta':
        this.reasoning += event.delta;
        break;
      case 'tool-call-start':
        this.toolCalls.set(event.index, { id: event.id, name: event.name, arguments: '' });
        break;
      case 'tool-call-delta': {
        const call = this.toolCalls.get(event.index);
        if (call) call.arguments += event.argumentsDelta;
        break;
      }
      case 'tool-call-end':
        break;
      case 'usage':
        this.usage = mergeUsage(this.usage, event.usage);
        break;
      case 'finish':
        this.finish = event;
        break;
    }
  }

  get finished(): boolean {
    return this.finish !== undefined;
  }

  result(): {
    message: AssistantOutput;
    finishReason: FinishReason;
    rawFinishReason?: string;
    usage: Usage;
    model?: string;
    providerRequestId?: string;
  } {
    const toolCalls: ToolCall[] = [...this.toolCalls.entries()]
      .sort(([a], [b]) => a - b)
      .map(([, call]) => ({ id: call.id, name: call.name, arguments: call.arguments || '{}' }));
    const finish = this.finish;
    return {
      message: { text: this.text, ...(this.reasoning ? { reasoning: this.reasoning } : {}), toolCalls },
      finishReason: finish?.finishReason ?? 'error',
      ...(finish?.rawFinishReason !== undefined ? { rawFinishReason: finish.rawFinishReason } : {}),
      usage: withTotal(this.usage),
      ...(finish?.model !== undefined ? { model: finish.model } : {}),
      ...(finish?.providerRequestId !== undefined ? { providerRequestId: finish.providerRequestId } : {}),
    };
  }
}

export function mergeUsage(base: Usage, update: Usage): Usage {
  const merged: { -readonly [K in keyof Usage]: Usage[K] } = { ...base };
  for (const [key, value] of Object.entries(update) as [keyof Usage, number | undefined][]) {
    if (value !== undefined) merged[key] = value;
  }
  return merged;
}

/** Fills `totalTokens` from input and output when the provider did not send it. */
export function withTotal(usage: Usage): Usage {
  if (
    usage.totalTokens !== undefined ||
    usage.inputTokens === undefined ||
    usage.outputTokens === undefined
  ) {
    return usage;
  }
  return { ...usage, totalTokens: usage.inputTokens + usage.outputTokens };
}

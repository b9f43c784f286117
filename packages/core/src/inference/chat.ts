/**
 * The provider-neutral chat model: what callers ask for and what every adapter returns, whatever
 * the provider's wire format.
 */

export type ContentPart =
  | { readonly type: 'text'; readonly text: string }
  /** An image by URL (https or data:) or inline base64 with its media type. */
  | { readonly type: 'image'; readonly url: string }
  | { readonly type: 'image'; readonly data: string; readonly mediaType: string };

export interface ToolCall {
  readonly id: string;
  readonly name: string;
  /** The arguments as the JSON text the model produced (it may be invalid JSON; we pass it on). */
  readonly arguments: string;
}

export type ChatMessage =
  | { readonly role: 'system'; readonly content: string }
  | { readonly role: 'user'; readonly content: string | readonly ContentPart[] }
  | {
      readonly role: 'assistant';
      readonly content?: string;
      readonly reasoning?: string;
      readonly toolCalls?: readonly ToolCall[];
    }
  | { readonly role: 'tool'; readonly toolCallId: string; readonly content: string; readonly name?: string };

export interface ToolDefinition {
  readonly name: string;
  readonly description?: string;
  /** A JSON schema object for the arguments. */
  readonly parameters: Readonly<Record<string, unknown>>;
  readonly strict?: boolean;
}

export type ToolChoice =
  | { readonly type: 'auto' }
  | { readonly type: 'none' }
  | { readonly type: 'required' }
  | { readonly type: 'tool'; readonly name: string };

export type ResponseFormat =
  | { readonly type: 'text' }
  | { readonly type: 'json_object' }
  | {
      readonly type: 'json_schema';
      readonly name: string;
      readonly schema: Readonly<Record<string, unknown>>;
      readonly strict?: boolean;
      readonly description?: string;
    };

export type ReasoningEffort = 'minimal' | 'low' | 'medium' | 'high';

export interface ChatParameters {
  readonly temperature?: number;
  readonly topP?: number;
  readonly maxOutputTokens?: number;
  readonly stop?: readonly string[];
  readonly seed?: number;
  readonly presencePenalty?: number;
  readonly frequencyPenalty?: number;
  readonly responseFormat?: ResponseFormat;
  readonly reasoningEffort?: ReasoningEffort;
  /** A thinking budget in tokens, for providers that take one (Anthropic, Gemini, Bedrock). */
  readonly reasoningBudgetTokens?: number;
  readonly parallelToolCalls?: boolean;
}

export interface ChatRequest extends ChatParameters {
  readonly model: string;
  readonly messages: readonly ChatMessage[];
  readonly tools?: readonly ToolDefinition[];
  readonly toolChoice?: ToolChoice;
  /** Passed through to the one provider's request body as is (merged last). */
  readonly providerOptions?: Readonly<Record<string, unknown>>;
}

export type FinishReason = 'stop' | 'length' | 'tool_calls' | 'content_filter' | 'error' | 'other';

export interface Usage {
  readonly inputTokens?: number;
  readonly outputTokens?: number;
  readonly totalTokens?: number;
  readonly cachedInputTokens?: number;
  readonly reasoningTokens?: number;
}

export interface ChatMetrics {
  /** From the call until the whole answer arrived, measured by the service. */
  readonly latencyMs: number;
  /** From the call until the first content (text, reasoning or tool call) arrived. */
  readonly timeToFirstTokenMs?: number;
}

export interface AssistantOutput {
  readonly text: string;
  readonly reasoning?: string;
  readonly toolCalls: readonly ToolCall[];
}

/** What an adapter returns for a non-streamed chat. */
export interface ProviderChatResult {
  readonly message: AssistantOutput;
  readonly finishReason: FinishReason;
  /** The provider's own reason (`end_turn`, `MAX_TOKENS`…), kept for callers that need it. */
  readonly rawFinishReason?: string;
  readonly usage: Usage;
  readonly model?: string;
  readonly providerRequestId?: string;
}

export interface ChatResult extends ProviderChatResult {
  readonly metrics: ChatMetrics;
}

/** Events of a streamed chat, in order. Exactly one `finish` ends a successful stream. */
export type ChatStreamEvent =
  | { readonly type: 'text-delta'; readonly delta: string }
  | { readonly type: 'reasoning-delta'; readonly delta: string }
  | { readonly type: 'tool-call-start'; readonly index: number; readonly id: string; readonly name: string }
  | { readonly type: 'tool-call-delta'; readonly index: number; readonly argumentsDelta: string }
  | { readonly type: 'tool-call-end'; readonly index: number }
  | { readonly type: 'usage'; readonly usage: Usage }
  | {
      readonly type: 'finish';
      readonly finishReason: FinishReason;
      readonly rawFinishReason?: string;
      readonly model?: string;
      readonly providerRequestId?: string;
    };

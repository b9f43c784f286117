/**
 * The wire format of OpenAI's `/chat/completions` and `/embeddings`, as OpenAI, Azure OpenAI,
 * Mistral and other compatible servers speak it. Request types are what we send; response types
 * are deliberately loose (optional, nullable) because each server omits or nulls different fields
 * and answers are parsed defensively.
 */

export type OpenAICompatibleContentPart =
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'image_url'; readonly image_url: { readonly url: string } };

export interface OpenAICompatibleToolCall {
  readonly id: string;
  readonly type: 'function';
  readonly function: { readonly name: string; readonly arguments: string };
}

export type OpenAICompatibleMessage =
  | { readonly role: 'system'; readonly content: string }
  | { readonly role: 'user'; readonly content: string | readonly OpenAICompatibleContentPart[] }
  | {
      readonly role: 'assistant';
      readonly content: string;
      readonly tool_calls?: readonly OpenAICompatibleToolCall[];
    }
  | {
      readonly role: 'tool';
      readonly tool_call_id: string;
      readonly content: string;
      readonly name?: string;
    };

export interface OpenAICompatibleTool {
  readonly type: 'function';
  readonly function: {
    readonly name: string;
    readonly description?: string;
    readonly parameters: Readonly<Record<string, unknown>>;
    readonly strict?: boolean;
  };
}

export type OpenAICompatibleToolChoice =
  | 'auto'
  | 'none'
  | 'required'
  /** Mistral's spelling of `required`. */
  | 'any'
  | { readonly type: 'function'; readonly function: { readonly name: string } };

export type OpenAICompatibleResponseFormat =
  | { readonly type: 'text' }
  | { readonly type: 'json_object' }
  | {
      readonly type: 'json_schema';
      readonly json_schema: {
        readonly name: string;
        readonly schema: Readonly<Record<string, unknown>>;
        readonly strict?: boolean;
        readonly description?: string;
      };
    };

export type OpenAICompatibleChatBody = Readonly<Record<string, unknown>> & {
  readonly model: string;
  readonly messages: readonly OpenAICompatibleMessage[];
};

export interface OpenAICompatibleUsage {
  readonly prompt_tokens?: number | null;
  readonly completion_tokens?: number | null;
  readonly total_tokens?: number | null;
  readonly prompt_tokens_details?: { readonly cached_tokens?: number | null } | null;
  readonly completion_tokens_details?: { readonly reasoning_tokens?: number | null } | null;
}

/**
 * Message content as servers send it: a string, or (Mistral) typed blocks, where `thinking`
 * blocks hold the reasoning as text blocks of their own.
 */
export type OpenAICompatibleContent =
  | string
  | null
  | readonly {
      readonly type?: string;
      readonly text?: string | null;
      readonly thinking?:
        string | readonly { readonly type?: string; readonly text?: string | null }[] | null;
    }[];

/** A tool call of an answer, or a piece of one in a stream delta. */
export interface OpenAICompatibleToolCallPart {
  /** Absent for Mistral, which sends whole calls. */
  readonly index?: number | null;
  readonly id?: string | null;
  readonly type?: string | null;
  readonly function?: {
    readonly name?: string | null;
    /** JSON text; a few servers send the object itself. */
    readonly arguments?: string | Readonly<Record<string, unknown>> | null;
  } | null;
}

/** The assistant's side of an answer (`message`) or of a stream chunk (`delta`). */
export interface OpenAICompatibleAssistantPart {
  readonly role?: string | null;
  readonly content?: OpenAICompatibleContent;
  /** DeepSeek, Azure AI models, vLLM. */
  readonly reasoning_content?: string | null;
  /** OpenRouter, newer vLLM. */
  readonly reasoning?: string | null;
  readonly refusal?: string | null;
  readonly tool_calls?: readonly OpenAICompatibleToolCallPart[] | null;
}

export interface OpenAICompatibleChoice {
  readonly index?: number | null;
  readonly message?: OpenAICompatibleAssistantPart | null;
  readonly delta?: OpenAICompatibleAssistantPart | null;
  readonly finish_reason?: string | null;
}

/** A non-streamed answer (`chat.completion`) or one stream chunk (`chat.completion.chunk`). */
export interface OpenAICompatibleChatResponse {
  readonly id?: string | null;
  readonly model?: string | null;
  readonly choices?: readonly OpenAICompatibleChoice[] | null;
  readonly usage?: OpenAICompatibleUsage | null;
  /** An error reported inside a 200 answer or mid-stream. */
  readonly error?: unknown;
}

export interface OpenAICompatibleEmbeddingResponse {
  readonly data?: readonly { readonly index?: number | null; readonly embedding?: unknown }[] | null;
  readonly model?: string | null;
  readonly usage?: OpenAICompatibleUsage | null;
}

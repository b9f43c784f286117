/**
 * Cohere v2 wire types (https://docs.cohere.com/reference/chat, /embed, /rerank), limited to the
 * fields the adapter writes or reads. Response types describe what may arrive, so every field the
 * code does not strictly need is optional.
 */

// ---- chat request ----

export type CohereUserContentPart =
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'image_url'; readonly image_url: { readonly url: string } };

export type CohereAssistantContentPart =
  { readonly type: 'text'; readonly text: string } | { readonly type: 'thinking'; readonly thinking: string };

export interface CohereToolCall {
  readonly id: string;
  readonly type: 'function';
  readonly function: { readonly name: string; readonly arguments: string };
}

export type CohereMessage =
  | { readonly role: 'system'; readonly content: string }
  | { readonly role: 'user'; readonly content: string | readonly CohereUserContentPart[] }
  | {
      readonly role: 'assistant';
      readonly content?: string | readonly CohereAssistantContentPart[];
      readonly tool_plan?: string;
      readonly tool_calls?: readonly CohereToolCall[];
    }
  | { readonly role: 'tool'; readonly tool_call_id: string; readonly content: string };

export interface CohereTool {
  readonly type: 'function';
  readonly function: {
    readonly name: string;
    readonly description?: string;
    readonly parameters: Readonly<Record<string, unknown>>;
  };
}

/** Cohere has no "auto" (omit the field) and no named tool choice. */
export type CohereToolChoice = 'REQUIRED' | 'NONE';

export interface CohereChatRequestBody {
  readonly model: string;
  readonly messages: readonly CohereMessage[];
  readonly stream?: true;
  readonly tools?: readonly CohereTool[];
  readonly tool_choice?: CohereToolChoice;
  readonly strict_tools?: boolean;
  readonly temperature?: number;
  readonly p?: number;
  readonly max_tokens?: number;
  readonly stop_sequences?: readonly string[];
  readonly seed?: number;
  readonly frequency_penalty?: number;
  readonly presence_penalty?: number;
  readonly response_format?: {
    readonly type: 'json_object';
    readonly json_schema?: Readonly<Record<string, unknown>>;
  };
  readonly thinking?: { readonly type: 'enabled' | 'disabled'; readonly token_budget?: number };
  /** providerOptions land here, merged last. */
  readonly [extra: string]: unknown;
}

// ---- chat response ----

export interface CohereUsage {
  readonly billed_units?: { readonly input_tokens?: number; readonly output_tokens?: number };
  readonly tokens?: { readonly input_tokens?: number; readonly output_tokens?: number };
  readonly cached_tokens?: number;
}

export interface CohereChatResponse {
  readonly id?: string;
  readonly finish_reason?: string;
  readonly message: {
    readonly role?: string;
    readonly content?: readonly {
      readonly type: string;
      readonly text?: string;
      readonly thinking?: string;
    }[];
    readonly tool_plan?: string;
    readonly tool_calls?: readonly {
      readonly id?: string;
      readonly type?: string;
      readonly function?: { readonly name?: string; readonly arguments?: string };
    }[];
    readonly citations?: readonly unknown[];
  };
  readonly usage?: CohereUsage;
}

// ---- chat stream: the parsed `data:` payload of each SSE event ----

/** Any event; its `type` says which of the shapes below it has (unknown types are ignored). */
export interface CohereStreamEvent {
  readonly type: string;
  readonly [field: string]: unknown;
}

export interface CohereMessageStartEvent {
  readonly type: 'message-start';
  readonly id?: string;
}

export interface CohereContentStartEvent {
  readonly type: 'content-start';
  readonly index?: number;
  readonly delta?: {
    readonly message?: {
      readonly content?: { readonly type?: string; readonly text?: string; readonly thinking?: string };
    };
  };
}

export interface CohereContentDeltaEvent {
  readonly type: 'content-delta';
  readonly index?: number;
  readonly delta?: {
    readonly message?: { readonly content?: { readonly text?: string; readonly thinking?: string } };
  };
}

export interface CohereToolPlanDeltaEvent {
  readonly type: 'tool-plan-delta';
  readonly delta?: { readonly message?: { readonly tool_plan?: string } };
}

export interface CohereToolCallStartEvent {
  readonly type: 'tool-call-start';
  readonly index?: number;
  readonly delta?: {
    readonly message?: {
      readonly tool_calls?: {
        readonly id?: string;
        readonly function?: { readonly name?: string; readonly arguments?: string };
      };
    };
  };
}

export interface CohereToolCallDeltaEvent {
  readonly type: 'tool-call-delta';
  readonly index?: number;
  readonly delta?: {
    readonly message?: { readonly tool_calls?: { readonly function?: { readonly arguments?: string } } };
  };
}

export interface CohereToolCallEndEvent {
  readonly type: 'tool-call-end';
  readonly index?: number;
}

export interface CohereMessageEndEvent {
  readonly type: 'message-end';
  readonly delta?: {
    readonly finish_reason?: string;
    readonly usage?: CohereUsage;
    /** Set when the generation failed after the stream started. */
    readonly error?: string;
  };
}

// ---- embed and rerank ----

export type CohereEmbedInputType = 'search_query' | 'search_document' | 'classification' | 'clustering';

export interface CohereEmbedRequestBody {
  readonly model: string;
  readonly texts: readonly string[];
  readonly input_type: CohereEmbedInputType;
  readonly embedding_types: readonly ['float'];
  readonly output_dimension?: number;
  readonly [extra: string]: unknown;
}

export interface CohereEmbedResponse {
  readonly id?: string;
  readonly embeddings?: { readonly float?: readonly (readonly number[])[] };
  readonly meta?: { readonly billed_units?: { readonly input_tokens?: number } };
}

export interface CohereRerankRequestBody {
  readonly model: string;
  readonly query: string;
  readonly documents: readonly string[];
  readonly top_n?: number;
  readonly [extra: string]: unknown;
}

export interface CohereRerankResponse {
  readonly id?: string;
  readonly results?: readonly { readonly index?: number; readonly relevance_score?: number }[];
  readonly meta?: { readonly billed_units?: { readonly search_units?: number } };
}

// ---- key check and errors ----

/** `POST /v1/check-api-key`: 200 with `valid: false` is a refusal of the key. */
export interface CohereCheckApiKeyResponse {
  readonly valid?: boolean;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

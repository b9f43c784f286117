/**
 * Wire types of Anthropic's Messages API (`POST /v1/messages`, `anthropic-version: 2023-06-01`),
 * limited to what the adapter sends and reads. Responses are typed loosely (optional fields,
 * open `type` strings) because Anthropic adds block and event types over time; the parsers skip
 * what they do not know.
 */

export const ANTHROPIC_VERSION = '2023-06-01';

// ---- Request ----

export type AnthropicImageSource =
  | { readonly type: 'base64'; readonly media_type: string; readonly data: string }
  | { readonly type: 'url'; readonly url: string };

export interface AnthropicTextBlockParam {
  readonly type: 'text';
  readonly text: string;
}

export interface AnthropicImageBlockParam {
  readonly type: 'image';
  readonly source: AnthropicImageSource;
}

export interface AnthropicToolUseBlockParam {
  readonly type: 'tool_use';
  readonly id: string;
  readonly name: string;
  /** The call's arguments as a JSON object (not text, unlike OpenAI). */
  readonly input: Readonly<Record<string, unknown>>;
}

export interface AnthropicToolResultBlockParam {
  readonly type: 'tool_result';
  readonly tool_use_id: string;
  readonly content?: string;
}

export type AnthropicUserBlockParam =
  AnthropicTextBlockParam | AnthropicImageBlockParam | AnthropicToolResultBlockParam;

export type AnthropicAssistantBlockParam = AnthropicTextBlockParam | AnthropicToolUseBlockParam;

export type AnthropicMessageParam =
  | { readonly role: 'user'; readonly content: readonly AnthropicUserBlockParam[] }
  | { readonly role: 'assistant'; readonly content: readonly AnthropicAssistantBlockParam[] };

export interface AnthropicTool {
  readonly name: string;
  readonly description?: string;
  readonly input_schema: Readonly<Record<string, unknown>>;
  readonly strict?: boolean;
}

export type AnthropicToolChoice =
  | { readonly type: 'auto'; readonly disable_parallel_tool_use?: boolean }
  | { readonly type: 'any'; readonly disable_parallel_tool_use?: boolean }
  | { readonly type: 'tool'; readonly name: string; readonly disable_parallel_tool_use?: boolean }
  | { readonly type: 'none' };

export interface AnthropicThinkingParam {
  readonly type: 'enabled';
  readonly budget_tokens: number;
}

export interface AnthropicOutputConfig {
  readonly format?: { readonly type: 'json_schema'; readonly schema: Readonly<Record<string, unknown>> };
}

export interface AnthropicMessagesRequest {
  readonly model: string;
  readonly messages: readonly AnthropicMessageParam[];
  readonly max_tokens: number;
  readonly system?: string;
  readonly temperature?: number;
  readonly top_p?: number;
  readonly stop_sequences?: readonly string[];
  readonly tools?: readonly AnthropicTool[];
  readonly tool_choice?: AnthropicToolChoice;
  readonly thinking?: AnthropicThinkingParam;
  readonly output_config?: AnthropicOutputConfig;
  readonly stream?: boolean;
  /** providerOptions land here as they are. */
  readonly [key: string]: unknown;
}

// ---- Response ----

export interface AnthropicUsage {
  readonly input_tokens?: number | null;
  readonly output_tokens?: number | null;
  /** Prompt tokens written to the cache by this call (billed above the base rate). */
  readonly cache_creation_input_tokens?: number | null;
  /** Prompt tokens served from the cache. */
  readonly cache_read_input_tokens?: number | null;
  readonly output_tokens_details?: { readonly thinking_tokens?: number | null } | null;
}

/** A content block of a response; `type` is open: server tools add many (`web_search_tool_result`...). */
export interface AnthropicContentBlock {
  readonly type: string;
  readonly text?: string;
  readonly thinking?: string;
  readonly signature?: string;
  readonly id?: string;
  readonly name?: string;
  readonly input?: unknown;
}

export interface AnthropicMessageResponse {
  readonly id?: string;
  readonly type?: string;
  readonly role?: string;
  readonly model?: string;
  readonly content: readonly AnthropicContentBlock[];
  readonly stop_reason?: string | null;
  readonly stop_sequence?: string | null;
  readonly usage?: AnthropicUsage;
}

/** The body of a failed call, and the payload of an `error` stream event. */
export interface AnthropicErrorBody {
  readonly type?: 'error';
  readonly error?: { readonly type?: string; readonly message?: string };
  readonly request_id?: string;
}

// ---- Stream events (the parsed `data:` payloads; the `event:` name repeats `type`) ----

export type AnthropicContentDelta =
  | { readonly type: 'text_delta'; readonly text: string }
  | { readonly type: 'input_json_delta'; readonly partial_json: string }
  | { readonly type: 'thinking_delta'; readonly thinking: string }
  | { readonly type: 'signature_delta'; readonly signature: string }
  | { readonly type: 'citations_delta'; readonly citation?: unknown };

export type AnthropicStreamEvent =
  | {
      readonly type: 'message_start';
      readonly message: Omit<AnthropicMessageResponse, 'content'> & {
        readonly content?: readonly AnthropicContentBlock[];
      };
    }
  | {
      readonly type: 'content_block_start';
      readonly index: number;
      readonly content_block: AnthropicContentBlock;
    }
  | { readonly type: 'content_block_delta'; readonly index: number; readonly delta: AnthropicContentDelta }
  | { readonly type: 'content_block_stop'; readonly index: number }
  | {
      readonly type: 'message_delta';
      readonly delta: { readonly stop_reason?: string | null; readonly stop_sequence?: string | null };
      /** Cumulative counts; may repeat (and revise) the input and cache counts of message_start. */
      readonly usage?: AnthropicUsage;
    }
  | { readonly type: 'message_stop' }
  | { readonly type: 'ping' }
  | ({ readonly type: 'error' } & AnthropicErrorBody);

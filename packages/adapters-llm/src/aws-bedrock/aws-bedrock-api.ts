/**
 * Wire types of the Bedrock APIs the adapter calls, limited to what it sends and reads:
 * bedrock-runtime Converse / ConverseStream / InvokeModel (embeddings) and bedrock-agent-runtime
 * Rerank. Responses are typed loosely (optional fields) because AWS adds block and event kinds over
 * time; the parsers skip what they do not know.
 */

// ---- Converse request ----

export type AwsBedrockImageFormat = 'png' | 'jpeg' | 'gif' | 'webp';

export interface AwsBedrockToolUseBlock {
  readonly toolUseId: string;
  readonly name: string;
  /** The call's arguments as a JSON value (an object for every current model). */
  readonly input: unknown;
}

export interface AwsBedrockToolResultBlock {
  readonly toolUseId: string;
  readonly content: readonly ({ readonly text: string } | { readonly json: unknown })[];
  readonly status?: 'success' | 'error';
}

/** One content block: exactly one member is set. */
export type AwsBedrockContentBlock =
  | { readonly text: string }
  | {
      readonly image: {
        readonly format: AwsBedrockImageFormat;
        /** Base64, as every blob in the JSON protocol. */
        readonly source: { readonly bytes: string };
      };
    }
  | { readonly toolUse: AwsBedrockToolUseBlock }
  | { readonly toolResult: AwsBedrockToolResultBlock };

export interface AwsBedrockMessage {
  readonly role: 'user' | 'assistant';
  readonly content: readonly AwsBedrockContentBlock[];
}

export interface AwsBedrockToolSpec {
  readonly toolSpec: {
    readonly name: string;
    readonly description?: string;
    readonly inputSchema: { readonly json: Readonly<Record<string, unknown>> };
  };
}

export type AwsBedrockToolChoice =
  | { readonly auto: Record<string, never> }
  | { readonly any: Record<string, never> }
  | { readonly tool: { readonly name: string } };

export interface AwsBedrockToolConfig {
  readonly tools: readonly AwsBedrockToolSpec[];
  readonly toolChoice?: AwsBedrockToolChoice;
}

export interface AwsBedrockInferenceConfig {
  readonly maxTokens?: number;
  readonly temperature?: number;
  readonly topP?: number;
  readonly stopSequences?: readonly string[];
}

/** The body of `POST /model/{modelId}/converse` and `/converse-stream` (the model is in the path). */
export interface AwsBedrockConverseRequest {
  readonly messages: readonly AwsBedrockMessage[];
  readonly system?: readonly { readonly text: string }[];
  readonly inferenceConfig?: AwsBedrockInferenceConfig;
  readonly toolConfig?: AwsBedrockToolConfig;
  readonly additionalModelRequestFields?: Readonly<Record<string, unknown>>;
  readonly [field: string]: unknown;
}

// ---- Converse response ----

export interface AwsBedrockUsage {
  readonly inputTokens?: number;
  readonly outputTokens?: number;
  readonly totalTokens?: number;
  readonly cacheReadInputTokens?: number;
  readonly cacheWriteInputTokens?: number;
}

export interface AwsBedrockResponseBlock {
  readonly text?: string;
  readonly toolUse?: { readonly toolUseId?: string; readonly name?: string; readonly input?: unknown };
  readonly reasoningContent?: {
    readonly reasoningText?: { readonly text?: string; readonly signature?: string };
    /** Encrypted thinking (Anthropic's redacted thinking); nothing a caller can read. */
    readonly redactedContent?: string;
  };
}

export interface AwsBedrockConverseResponse {
  readonly output?: {
    readonly message?: { readonly role?: string; readonly content?: readonly AwsBedrockResponseBlock[] };
  };
  readonly stopReason?: string;
  readonly usage?: AwsBedrockUsage;
  readonly metrics?: { readonly latencyMs?: number };
}

// ---- ConverseStream events (the payload of each `:event-type`) ----

export interface AwsBedrockMessageStartEvent {
  readonly role?: string;
}

export interface AwsBedrockContentBlockStartEvent {
  readonly contentBlockIndex?: number;
  readonly start?: { readonly toolUse?: { readonly toolUseId?: string; readonly name?: string } };
}

export interface AwsBedrockContentBlockDeltaEvent {
  readonly contentBlockIndex?: number;
  readonly delta?: {
    readonly text?: string;
    /** A fragment of the arguments' JSON text. */
    readonly toolUse?: { readonly input?: string };
    readonly reasoningContent?: {
      readonly text?: string;
      readonly signature?: string;
      readonly redactedContent?: string;
    };
  };
}

export interface AwsBedrockContentBlockStopEvent {
  readonly contentBlockIndex?: number;
}

export interface AwsBedrockMessageStopEvent {
  readonly stopReason?: string;
  readonly additionalModelResponseFields?: unknown;
}

export interface AwsBedrockMetadataEvent {
  readonly usage?: AwsBedrockUsage;
  readonly metrics?: { readonly latencyMs?: number };
}

/** One decoded ConverseStream event. Event types the adapter does not know arrive as `unknown`. */
export type AwsBedrockStreamEvent =
  | { readonly type: 'messageStart'; readonly payload: AwsBedrockMessageStartEvent }
  | { readonly type: 'contentBlockStart'; readonly payload: AwsBedrockContentBlockStartEvent }
  | { readonly type: 'contentBlockDelta'; readonly payload: AwsBedrockContentBlockDeltaEvent }
  | { readonly type: 'contentBlockStop'; readonly payload: AwsBedrockContentBlockStopEvent }
  | { readonly type: 'messageStop'; readonly payload: AwsBedrockMessageStopEvent }
  | { readonly type: 'metadata'; readonly payload: AwsBedrockMetadataEvent }
  | { readonly type: 'unknown'; readonly eventType: string; readonly payload: unknown };

// ---- InvokeModel embeddings ----

/** Amazon Titan Text Embeddings (v1, v2): one text per call. */
export interface AwsBedrockTitanEmbedRequest {
  readonly inputText: string;
  /** v2 only: 256, 512 or 1024. */
  readonly dimensions?: number;
  readonly normalize?: boolean;
  readonly [field: string]: unknown;
}

export interface AwsBedrockTitanEmbedResponse {
  readonly embedding?: readonly number[];
  readonly inputTextTokenCount?: number;
}

/** Cohere Embed on Bedrock: up to 96 texts per call. */
export interface AwsBedrockCohereEmbedRequest {
  readonly texts: readonly string[];
  readonly input_type: 'search_query' | 'search_document' | 'classification' | 'clustering';
  readonly embedding_types?: readonly string[];
  readonly output_dimension?: number;
  readonly [field: string]: unknown;
}

export interface AwsBedrockCohereEmbedResponse {
  readonly id?: string;
  /** A list of vectors, or one list per requested type when `embedding_types` was given. */
  readonly embeddings?: readonly (readonly number[])[] | { readonly float?: readonly (readonly number[])[] };
  readonly response_type?: string;
}

// ---- Agent runtime Rerank ----

export interface AwsBedrockRerankRequest {
  readonly queries: readonly [{ readonly type: 'TEXT'; readonly textQuery: { readonly text: string } }];
  readonly sources: readonly {
    readonly type: 'INLINE';
    readonly inlineDocumentSource: {
      readonly type: 'TEXT';
      readonly textDocument: { readonly text: string };
    };
  }[];
  readonly rerankingConfiguration: {
    readonly type: 'BEDROCK_RERANKING_MODEL';
    readonly bedrockRerankingConfiguration: {
      readonly numberOfResults?: number;
      readonly modelConfiguration: {
        readonly modelArn: string;
        readonly additionalModelRequestFields?: Readonly<Record<string, unknown>>;
      };
    };
  };
  readonly [field: string]: unknown;
}

export interface AwsBedrockRerankResponse {
  readonly results?: readonly { readonly index?: number; readonly relevanceScore?: number }[];
  readonly nextToken?: string;
}

/**
 * Wire types of Google's `generateContent` API, shared by the Gemini API
 * (generativelanguage.googleapis.com) and Vertex AI (aiplatform.googleapis.com): both take and
 * return the same body. Only the fields the adapters read or write are declared; responses are
 * parsed leniently (every field optional), since Google adds fields often.
 */

// ---- request ----

export interface GoogleInlineData {
  readonly mimeType: string;
  /** Base64 without a `data:` prefix. */
  readonly data: string;
}

export interface GoogleFileData {
  readonly fileUri: string;
  readonly mimeType?: string;
}

export interface GoogleFunctionCall {
  readonly id?: string;
  readonly name?: string;
  readonly args?: Readonly<Record<string, unknown>>;
  /** Vertex only, with `streamFunctionCallArguments`: pieces of the arguments. */
  readonly partialArgs?: readonly GooglePartialArg[];
  /** Vertex only: more parts of this call follow. */
  readonly willContinue?: boolean;
}

export interface GooglePartialArg {
  /** RFC 9535 JSON path of the argument, e.g. `$.recipe.ingredients[0].name`. */
  readonly jsonPath?: string;
  readonly stringValue?: string;
  readonly numberValue?: number;
  readonly boolValue?: boolean;
  readonly nullValue?: unknown;
  /** A string value continues in the next piece with the same path. */
  readonly willContinue?: boolean;
}

export interface GoogleFunctionResponse {
  readonly name: string;
  readonly response: Readonly<Record<string, unknown>>;
}

/** One part of a turn; exactly one of the data fields is set. */
export interface GooglePart {
  readonly text?: string;
  /** A thought (reasoning) summary rather than answer text. */
  readonly thought?: boolean;
  /** Opaque signature of the model's reasoning, to be sent back with the part it came on. */
  readonly thoughtSignature?: string;
  readonly inlineData?: GoogleInlineData;
  readonly fileData?: GoogleFileData;
  readonly functionCall?: GoogleFunctionCall;
  readonly functionResponse?: GoogleFunctionResponse;
}

export interface GoogleContent {
  readonly role?: 'user' | 'model';
  readonly parts?: readonly GooglePart[];
}

/** The OpenAPI 3.0 subset Google accepts for function parameters and response schemas. */
export type GoogleSchema = { readonly [key: string]: unknown };

export interface GoogleFunctionDeclaration {
  readonly name: string;
  readonly description?: string;
  readonly parameters?: GoogleSchema;
}

export interface GoogleTool {
  readonly functionDeclarations: readonly GoogleFunctionDeclaration[];
}

export type GoogleFunctionCallingMode = 'AUTO' | 'ANY' | 'NONE';

export interface GoogleToolConfig {
  readonly functionCallingConfig: {
    readonly mode: GoogleFunctionCallingMode;
    readonly allowedFunctionNames?: readonly string[];
  };
}

export interface GoogleThinkingConfig {
  readonly thinkingBudget?: number;
  readonly includeThoughts?: boolean;
}

export interface GoogleGenerationConfig {
  readonly temperature?: number;
  readonly topP?: number;
  readonly maxOutputTokens?: number;
  readonly stopSequences?: readonly string[];
  readonly seed?: number;
  readonly presencePenalty?: number;
  readonly frequencyPenalty?: number;
  readonly responseMimeType?: string;
  readonly responseSchema?: GoogleSchema;
  readonly thinkingConfig?: GoogleThinkingConfig;
}

export interface GoogleGenerateContentRequest {
  readonly contents: readonly GoogleContent[];
  readonly systemInstruction?: { readonly parts: readonly { readonly text: string }[] };
  readonly tools?: readonly GoogleTool[];
  readonly toolConfig?: GoogleToolConfig;
  readonly generationConfig?: GoogleGenerationConfig;
  /** Anything else a caller passes through `providerOptions` (safetySettings, labels…). */
  readonly [key: string]: unknown;
}

// ---- response (also each streamed chunk) ----

export interface GoogleUsageMetadata {
  readonly promptTokenCount?: number;
  readonly candidatesTokenCount?: number;
  readonly totalTokenCount?: number;
  readonly cachedContentTokenCount?: number;
  readonly thoughtsTokenCount?: number;
  readonly toolUsePromptTokenCount?: number;
  /** Vertex: ON_DEMAND, PROVISIONED_THROUGHPUT. */
  readonly trafficType?: string;
}

export interface GoogleCandidate {
  readonly content?: GoogleContent;
  readonly finishReason?: string;
  readonly finishMessage?: string;
  readonly index?: number;
}

export interface GooglePromptFeedback {
  readonly blockReason?: string;
  readonly blockReasonMessage?: string;
}

/** Google's RPC error body: `{error:{code,message,status,details}}`. */
export interface GoogleRpcError {
  readonly code?: number;
  readonly message?: string;
  readonly status?: string;
  readonly details?: readonly GoogleErrorDetail[];
}

export interface GoogleErrorDetail {
  readonly '@type'?: string;
  /** google.rpc.ErrorInfo */
  readonly reason?: string;
  readonly domain?: string;
  /** google.rpc.RetryInfo, a protobuf Duration such as "34.4s". */
  readonly retryDelay?: string;
  readonly [key: string]: unknown;
}

export interface GoogleGenerateContentResponse {
  readonly candidates?: readonly GoogleCandidate[];
  readonly promptFeedback?: GooglePromptFeedback;
  readonly usageMetadata?: GoogleUsageMetadata;
  readonly modelVersion?: string;
  readonly responseId?: string;
  /** A stream can carry an error after content instead of a chunk. */
  readonly error?: GoogleRpcError;
}

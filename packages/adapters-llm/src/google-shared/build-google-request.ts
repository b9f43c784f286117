import type { ChatRequest, ReasoningEffort } from '@integration-api/core';
import { convertJsonSchemaToGoogleSchema } from './convert-json-schema-to-google-schema.js';
import { convertToGoogleContents } from './convert-to-google-contents.js';
import type {
  GoogleGenerateContentRequest,
  GoogleGenerationConfig,
  GoogleThinkingConfig,
} from './google-api.js';
import { prepareGoogleTools } from './google-prepare-tools.js';
import { mergeProviderOptions } from './merge-provider-options.js';

/** Google's documented stand-in for a thought signature the client no longer has. */
export const SKIP_THOUGHT_SIGNATURE_VALIDATOR = 'skip_thought_signature_validator';

/**
 * Thinking budgets for our reasoning efforts. Each lies inside every Gemini 2.5 model's range
 * (Pro 128–32768, Flash 0–24576, Flash-Lite 512–24576); Gemini 3 maps budgets to its levels.
 */
export const THINKING_BUDGET_OF_EFFORT: Readonly<Record<ReasoningEffort, number>> = {
  minimal: 512,
  low: 1024,
  medium: 8192,
  high: 24576,
};

/**
 * The `generateContent` body for a chat request; the Gemini API and Vertex AI take the same one.
 * Parameters map to `generationConfig` (stop → stopSequences; json_object → responseMimeType
 * `application/json`; json_schema → that plus `responseSchema` in Google's schema subset; a
 * reasoning budget, or an effort mapped to one, → `thinkingConfig` with `includeThoughts` so the
 * reasoning comes back). `parallelToolCalls` has no Google equivalent and is ignored. The caller's
 * `providerOptions` are merged last (see mergeProviderOptions), e.g. `safetySettings`, `topK`, or
 * Vertex's `toolConfig.functionCallingConfig.streamFunctionCallArguments`.
 */
export function buildGoogleRequest(request: ChatRequest): GoogleGenerateContentRequest {
  const { contents, systemInstruction } = convertToGoogleContents(request.messages, {
    ...(needsReplayedCallSignature(request.model)
      ? { replayedCallSignature: SKIP_THOUGHT_SIGNATURE_VALIDATOR }
      : {}),
  });
  const { tools, toolConfig } = prepareGoogleTools(request.tools, request.toolChoice);
  const generationConfig = generationConfigOf(request);
  const body: GoogleGenerateContentRequest = {
    contents,
    ...(systemInstruction ? { systemInstruction } : {}),
    ...(tools ? { tools } : {}),
    ...(toolConfig ? { toolConfig } : {}),
    ...(Object.keys(generationConfig).length > 0 ? { generationConfig } : {}),
  };
  return mergeProviderOptions(body, request.providerOptions);
}

function generationConfigOf(request: ChatRequest): GoogleGenerationConfig {
  const format = request.responseFormat;
  const responseSchema =
    format?.type === 'json_schema'
      ? convertJsonSchemaToGoogleSchema(format.schema, 'responseFormat.schema')
      : undefined;
  const thinkingConfig = thinkingConfigOf(request);
  return {
    ...defined('temperature', request.temperature),
    ...defined('topP', request.topP),
    ...defined('maxOutputTokens', request.maxOutputTokens),
    ...(request.stop?.length ? { stopSequences: request.stop } : {}),
    ...defined('seed', request.seed),
    ...defined('presencePenalty', request.presencePenalty),
    ...defined('frequencyPenalty', request.frequencyPenalty),
    ...(format?.type === 'json_object' || format?.type === 'json_schema'
      ? { responseMimeType: 'application/json' }
      : {}),
    ...(responseSchema ? { responseSchema } : {}),
    ...(thinkingConfig ? { thinkingConfig } : {}),
  };
}

function thinkingConfigOf(request: ChatRequest): GoogleThinkingConfig | undefined {
  const budget =
    request.reasoningBudgetTokens ??
    (request.reasoningEffort ? THINKING_BUDGET_OF_EFFORT[request.reasoningEffort] : undefined);
  return budget === undefined ? undefined : { thinkingBudget: budget, includeThoughts: true };
}

/** Gemini 3 and later refuse replayed function calls without a thought signature. */
export function needsReplayedCallSignature(model: string): boolean {
  const major = /(?:^|\/)gemini-(\d+)/i.exec(model)?.[1];
  return major !== undefined && Number(major) >= 3;
}

function defined<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

import { withoutUndefined, type ChatRequest, type ResponseFormat } from '@integration-api/core';
import { convertToOpenAICompatibleMessages } from './convert-to-openai-compatible-messages.js';
import type { OpenAICompatibleChatBody, OpenAICompatibleResponseFormat } from './openai-compatible-api.js';
import type { OpenAICompatibleDialect } from './openai-compatible-dialect.js';
import { prepareOpenAICompatibleTools } from './openai-compatible-prepare-tools.js';

export interface ChatBodyOptions {
  readonly stream: boolean;
  /** The model to name in the body: the request's, or a deployment the credential fixes. */
  readonly model: string;
}

/**
 * Our chat request as a `/chat/completions` body in the dialect's spelling. Parameters the caller
 * did not set are left out (the provider's defaults apply); `providerOptions` is merged last, so
 * it can add or override any field.
 */
export function buildOpenAICompatibleChatBody(
  request: ChatRequest,
  dialect: OpenAICompatibleDialect,
  options: ChatBodyOptions,
): OpenAICompatibleChatBody {
  const { tools, tool_choice } = prepareOpenAICompatibleTools(request.tools, request.toolChoice, dialect);
  const reasoningEffort =
    request.reasoningEffort !== undefined ? dialect.reasoningEffort(request.reasoningEffort) : undefined;
  const fields: Record<string, unknown> = {
    model: options.model,
    messages: convertToOpenAICompatibleMessages(request.messages, dialect),
    tools,
    tool_choice,
    // Only meaningful (and only accepted by OpenAI) alongside tools.
    parallel_tool_calls: tools ? request.parallelToolCalls : undefined,
    temperature: request.temperature,
    top_p: request.topP,
    [dialect.maxTokensField]: request.maxOutputTokens,
    stop: request.stop?.length ? request.stop : undefined,
    [dialect.seedField]: request.seed,
    presence_penalty: request.presencePenalty,
    frequency_penalty: request.frequencyPenalty,
    response_format: request.responseFormat ? responseFormatOf(request.responseFormat) : undefined,
    reasoning_effort: reasoningEffort,
    stream: options.stream ? true : undefined,
    stream_options: options.stream && dialect.streamUsageOption ? { include_usage: true } : undefined,
  };
  return { ...withoutUndefined(fields), ...request.providerOptions } as OpenAICompatibleChatBody;
}

function responseFormatOf(format: ResponseFormat): OpenAICompatibleResponseFormat {
  if (format.type !== 'json_schema') return { type: format.type };
  return {
    type: 'json_schema',
    json_schema: {
      name: format.name,
      schema: format.schema,
      ...(format.strict !== undefined ? { strict: format.strict } : {}),
      ...(format.description !== undefined ? { description: format.description } : {}),
    },
  };
}

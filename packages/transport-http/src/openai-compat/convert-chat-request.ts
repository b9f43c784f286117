import {
  InvalidArgumentError,
  type ChatMessage,
  type ChatRequest,
  type ContentPart,
  type ReasoningEffort,
  type ResponseFormat,
  type ToolCall,
  type ToolChoice,
  type ToolDefinition,
} from '@integration-api/core';
import type { ChatCompletionBody } from './openai-schemas.js';
import { withoutUndefined } from '@integration-api/core';

type Json = Readonly<Record<string, unknown>>;

const REASONING_EFFORTS: readonly ReasoningEffort[] = ['minimal', 'low', 'medium', 'high'];

/**
 * OpenAI's chat completion request → core's ChatRequest for the provider model `model`. Messages
 * map one to one (so core's `messages[i]` is the client's `messages[i]`). What core cannot honour
 * and changes nothing for the caller (`user`, `logprobs`, `store`…) is ignored; what would change
 * the answer's shape (`n > 1`, the legacy `functions`) is refused. Value ranges are core's to check.
 */
export function toChatRequest(body: ChatCompletionBody, model: string): ChatRequest {
  if (body.n != null && body.n !== 1) {
    throw new InvalidArgumentError('n', 'only one choice per request is supported; send several requests');
  }
  if (body.functions != null || body.function_call != null) {
    throw new InvalidArgumentError('functions', 'the legacy functions are not supported; use tools');
  }
  const toolNames = new Map<string, string>();
  const messages = body.messages.map((message, i) => toMessage(message as Json, `messages[${i}]`, toolNames));

  return withoutUndefined<ChatRequest>({
    model,
    messages,
    tools: body.tools?.map((tool, i) => toTool(tool as Json, `tools[${i}]`)),
    toolChoice: body.tool_choice == null ? undefined : toToolChoice(body.tool_choice),
    temperature: body.temperature ?? undefined,
    topP: body.top_p ?? undefined,
    maxOutputTokens: maxOutputTokens(body),
    stop: typeof body.stop === 'string' ? [body.stop] : (body.stop ?? undefined),
    seed: body.seed ?? undefined,
    presencePenalty: body.presence_penalty ?? undefined,
    frequencyPenalty: body.frequency_penalty ?? undefined,
    responseFormat: body.response_format == null ? undefined : toResponseFormat(body.response_format),
    reasoningEffort: reasoningEffort(body.reasoning_effort),
    parallelToolCalls: body.parallel_tool_calls ?? undefined,
    providerOptions: body.provider_options ?? undefined,
  });
}

/** `max_completion_tokens` replaced `max_tokens`; clients send either. */
function maxOutputTokens(body: ChatCompletionBody): number | undefined {
  const field = body.max_completion_tokens != null ? 'max_completion_tokens' : 'max_tokens';
  const value = body.max_completion_tokens ?? body.max_tokens ?? undefined;
  if (value !== undefined && value < 1) throw new InvalidArgumentError(field, 'must be a positive integer');
  return value;
}

function reasoningEffort(value: string | null | undefined): ReasoningEffort | undefined {
  if (value == null) return undefined;
  if (!(REASONING_EFFORTS as readonly string[]).includes(value)) {
    throw new InvalidArgumentError('reasoning_effort', `must be one of ${REASONING_EFFORTS.join(', ')}`);
  }
  return value as ReasoningEffort;
}

/** `toolNames` collects the assistant's tool calls, so a tool result can carry its tool's name. */
function toMessage(message: Json, where: string, toolNames: Map<string, string>): ChatMessage {
  switch (message.role) {
    case 'system':
    case 'developer':
      return { role: 'system', content: textOf(message.content, `${where}.content`) };
    case 'user':
      return { role: 'user', content: userContent(message.content, `${where}.content`) };
    case 'assistant': {
      const toolCalls = assistantToolCalls(message.tool_calls, `${where}.tool_calls`);
      for (const call of toolCalls ?? []) toolNames.set(call.id, call.name);
      const content = message.content == null ? '' : textOf(message.content, `${where}.content`);
      return withoutUndefined<ChatMessage>({
        role: 'assistant',
        content: content || undefined,
        // Not OpenAI's: the reasoning our answers carry (as DeepSeek's API does), sent back in turn.
        reasoning:
          typeof message.reasoning_content === 'string' && message.reasoning_content
            ? message.reasoning_content
            : undefined,
        toolCalls,
      });
    }
    case 'tool': {
      const toolCallId = message.tool_call_id;
      if (typeof toolCallId !== 'string' || toolCallId === '') {
        throw new InvalidArgumentError(`${where}.tool_call_id`, 'must be the id of the tool call answered');
      }
      return withoutUndefined<ChatMessage>({
        role: 'tool',
        toolCallId,
        content: textOf(message.content, `${where}.content`),
        name: toolNames.get(toolCallId),
      });
    }
    case 'function':
      throw new InvalidArgumentError(
        `${where}.role`,
        'function messages are not supported; use tool messages',
      );
    default:
      throw new InvalidArgumentError(`${where}.role`, 'must be system, developer, user, assistant or tool');
  }
}

/** Text, or a list of text parts (as OpenAI allows for every role), joined. */
function textOf(content: unknown, where: string): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) throw new InvalidArgumentError(where, 'must be text or a list of text parts');
  return content
    .map((part: Json, i) => {
      if (part?.type === 'text' && typeof part.text === 'string') return part.text;
      // An assistant's earlier refusal, sent back as history, is text too.
      if (part?.type === 'refusal' && typeof part.refusal === 'string') return part.refusal;
      throw new InvalidArgumentError(`${where}[${i}]`, 'must be a text part here');
    })
    .join('\n');
}

function userContent(content: unknown, where: string): string | ContentPart[] {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content) || content.length === 0) {
    throw new InvalidArgumentError(where, 'must be text or a non-empty list of parts');
  }
  return content.map((part: Json, i) => userPart(part, `${where}[${i}]`));
}

function userPart(part: Json, where: string): ContentPart {
  if (part?.type === 'text') {
    if (typeof part.text !== 'string') throw new InvalidArgumentError(`${where}.text`, 'must be text');
    return { type: 'text', text: part.text };
  }
  if (part?.type === 'image_url') {
    // OpenAI's form is `{ url, detail }`; a bare string is accepted by many servers, so here too.
    const image = part.image_url as Json | string | undefined;
    const url = typeof image === 'string' ? image : image?.url;
    if (typeof url !== 'string' || url === '') {
      throw new InvalidArgumentError(`${where}.image_url.url`, 'must be an http(s) or data: URL');
    }
    return imagePart(url);
  }
  throw new InvalidArgumentError(
    `${where}.type`,
    `${JSON.stringify(String(part?.type))} parts are not supported; send text or image_url`,
  );
}

/** A base64 data URL becomes inline data, which every provider takes; other URLs pass as they are. */
export function imagePart(url: string): ContentPart {
  const match = /^data:([^;,]+);base64,(.*)$/s.exec(url);
  if (match?.[1] && match[2] !== undefined) return { type: 'image', mediaType: match[1], data: match[2] };
  return { type: 'image', url };
}

function assistantToolCalls(value: unknown, where: string): ToolCall[] | undefined {
  if (value == null) return undefined;
  if (!Array.isArray(value)) throw new InvalidArgumentError(where, 'must be a list of tool calls');
  if (value.length === 0) return undefined;
  return value.map((call: Json, i) => {
    const fn = call?.function as Json | undefined;
    if (typeof fn?.name !== 'string') {
      throw new InvalidArgumentError(`${where}[${i}].function.name`, 'must be the name of the tool called');
    }
    return {
      id: typeof call.id === 'string' ? call.id : '',
      name: fn.name,
      arguments: typeof fn.arguments === 'string' ? fn.arguments : JSON.stringify(fn.arguments ?? {}),
    };
  });
}

function toTool(tool: Json, where: string): ToolDefinition {
  const fn = tool.function as Json | undefined;
  if (tool.type !== 'function' || !fn) {
    throw new InvalidArgumentError(`${where}.type`, 'only function tools are supported');
  }
  return withoutUndefined<ToolDefinition>({
    name: fn.name as string,
    description: (fn.description as string | null) ?? undefined,
    // OpenAI lets a function without parameters be declared without them.
    parameters: (fn.parameters as Json | null) ?? { type: 'object', properties: {} },
    strict: (fn.strict as boolean | null) ?? undefined,
  });
}

function toToolChoice(choice: NonNullable<ChatCompletionBody['tool_choice']>): ToolChoice {
  if (choice === 'auto' || choice === 'none' || choice === 'required') return { type: choice };
  if (typeof choice === 'object' && choice.type === 'function' && typeof choice.function?.name === 'string') {
    return { type: 'tool', name: choice.function.name };
  }
  throw new InvalidArgumentError(
    'tool_choice',
    'must be auto, none, required or { "type": "function", "function": { "name" } }',
  );
}

function toResponseFormat(format: NonNullable<ChatCompletionBody['response_format']>): ResponseFormat {
  switch (format.type) {
    case 'text':
    case 'json_object':
      return { type: format.type };
    case 'json_schema': {
      const spec = format.json_schema;
      if (!spec) throw new InvalidArgumentError('response_format.json_schema', 'is required');
      return withoutUndefined<ResponseFormat>({
        type: 'json_schema',
        name: spec.name,
        schema: spec.schema as Json,
        strict: spec.strict ?? undefined,
        description: spec.description ?? undefined,
      });
    }
    default:
      throw new InvalidArgumentError('response_format.type', 'must be text, json_object or json_schema');
  }
}

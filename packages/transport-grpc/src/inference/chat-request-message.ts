import {
  InvalidArgumentError,
  withoutUndefined,
  type ChatMessage,
  type ChatRequest,
  type ContentPart,
  type ReasoningEffort,
  type ResponseFormat,
  type ToolChoice,
  type ToolDefinition,
} from '@integration-api/core';
import * as pb from '../generated/integration/v1/inference.js';
import { optionalJsonObject, parseJsonObject } from './json-object.js';

/*
 * integration.v1.ChatRequest → core's ChatRequest. Only what protobuf cannot say is checked here
 * (oneofs with no or several members, enums left unspecified, JSON text); core's
 * validateChatRequest checks the rest. Errors name fields by core's paths, which are the
 * lowerCamelCase (JSON) names of the proto fields with the role oneof flattened:
 * `messages[2].toolCallId`, `messages[0].content[1].url`.
 */

export function chatRequestFromMessage(message: pb.ChatRequest): ChatRequest {
  return withoutUndefined<ChatRequest>({
    model: message.model,
    messages: message.messages.map((m, i) => chatMessageFrom(m, `messages[${i}]`)),
    tools: message.tools.length > 0 ? message.tools.map((t, i) => toolFrom(t, `tools[${i}]`)) : undefined,
    toolChoice: message.toolChoice && toolChoiceFrom(message.toolChoice),
    temperature: message.temperature,
    topP: message.topP,
    maxOutputTokens: message.maxOutputTokens,
    stop: message.stop.length > 0 ? [...message.stop] : undefined,
    seed: message.seed,
    presencePenalty: message.presencePenalty,
    frequencyPenalty: message.frequencyPenalty,
    responseFormat: message.responseFormat && responseFormatFrom(message.responseFormat),
    reasoningEffort: reasoningEffortFrom(message.reasoningEffort),
    reasoningBudgetTokens: message.reasoningBudgetTokens,
    parallelToolCalls: message.parallelToolCalls,
    providerOptions: optionalJsonObject(message.providerOptions, 'providerOptions'),
  });
}

/** The request's credential; empty would only read as an odd NOT_FOUND. */
export function requireCredentialId(credentialId: string): string {
  if (credentialId === '') throw new InvalidArgumentError('credentialId', 'is required');
  return credentialId;
}

function chatMessageFrom(message: pb.ChatMessage, where: string): ChatMessage {
  const { system, user, assistant, tool } = message;
  const set = [system, user, assistant, tool].filter((role) => role !== undefined).length;
  if (set !== 1) {
    throw new InvalidArgumentError(`${where}.role`, 'set exactly one of system, user, assistant or tool');
  }
  if (system) return { role: 'system', content: system.content };
  if (user) return userMessageFrom(user, where);
  if (assistant) {
    return withoutUndefined<ChatMessage>({
      role: 'assistant',
      content: assistant.content || undefined,
      reasoning: assistant.reasoning || undefined,
      toolCalls:
        assistant.toolCalls.length > 0
          ? assistant.toolCalls.map(({ id, name, arguments: args }) => ({ id, name, arguments: args }))
          : undefined,
    });
  }
  const result = tool as pb.ToolMessage;
  return withoutUndefined<ChatMessage>({
    role: 'tool',
    toolCallId: result.toolCallId,
    content: result.content,
    name: result.name || undefined,
  });
}

function userMessageFrom(user: pb.UserMessage, where: string): ChatMessage {
  if (user.parts.length === 0) return { role: 'user', content: user.content };
  if (user.content !== '') {
    throw new InvalidArgumentError(`${where}.content`, 'set either content or parts, not both');
  }
  return { role: 'user', content: user.parts.map((p, i) => contentPartFrom(p, `${where}.content[${i}]`)) };
}

function contentPartFrom(part: pb.ContentPart, where: string): ContentPart {
  if ((part.text === undefined) === (part.image === undefined)) {
    throw new InvalidArgumentError(`${where}.type`, 'set exactly one of text or image');
  }
  if (part.text !== undefined) return { type: 'text', text: part.text };
  const image = part.image as pb.ImagePart;
  if ((image.url === undefined) === (image.data === undefined)) {
    throw new InvalidArgumentError(`${where}.url`, 'set exactly one of url or data');
  }
  if (image.url !== undefined) return { type: 'image', url: image.url };
  // Core (and every provider's JSON body) carries inline images as base64 text.
  const data = Buffer.from(image.data as Uint8Array).toString('base64');
  return { type: 'image', data, mediaType: image.mediaType };
}

function toolFrom(tool: pb.Tool, where: string): ToolDefinition {
  return withoutUndefined<ToolDefinition>({
    name: tool.name,
    description: tool.description || undefined,
    parameters: parseJsonObject(tool.parameters, `${where}.parameters`),
    strict: tool.strict,
  });
}

function toolChoiceFrom(choice: pb.ToolChoice): ToolChoice {
  switch (choice.type) {
    case pb.ToolChoiceType.TOOL_CHOICE_TYPE_AUTO:
      return { type: 'auto' };
    case pb.ToolChoiceType.TOOL_CHOICE_TYPE_NONE:
      return { type: 'none' };
    case pb.ToolChoiceType.TOOL_CHOICE_TYPE_REQUIRED:
      return { type: 'required' };
    case pb.ToolChoiceType.TOOL_CHOICE_TYPE_TOOL:
      return { type: 'tool', name: choice.name };
    default:
      throw new InvalidArgumentError('toolChoice.type', 'must be AUTO, NONE, REQUIRED or TOOL');
  }
}

function responseFormatFrom(format: pb.ResponseFormat): ResponseFormat {
  switch (format.type) {
    case pb.ResponseFormatType.RESPONSE_FORMAT_TYPE_TEXT:
      return { type: 'text' };
    case pb.ResponseFormatType.RESPONSE_FORMAT_TYPE_JSON_OBJECT:
      return { type: 'json_object' };
    case pb.ResponseFormatType.RESPONSE_FORMAT_TYPE_JSON_SCHEMA:
      return withoutUndefined<ResponseFormat>({
        type: 'json_schema',
        name: format.name,
        schema: parseJsonObject(format.schema, 'responseFormat.schema'),
        strict: format.strict,
        description: format.description || undefined,
      });
    default:
      throw new InvalidArgumentError('responseFormat.type', 'must be TEXT, JSON_OBJECT or JSON_SCHEMA');
  }
}

const REASONING_EFFORT: Readonly<Record<number, ReasoningEffort>> = {
  [pb.ReasoningEffort.REASONING_EFFORT_MINIMAL]: 'minimal',
  [pb.ReasoningEffort.REASONING_EFFORT_LOW]: 'low',
  [pb.ReasoningEffort.REASONING_EFFORT_MEDIUM]: 'medium',
  [pb.ReasoningEffort.REASONING_EFFORT_HIGH]: 'high',
};

function reasoningEffortFrom(effort: pb.ReasoningEffort): ReasoningEffort | undefined {
  if (effort === pb.ReasoningEffort.REASONING_EFFORT_UNSPECIFIED) return undefined;
  const known = REASONING_EFFORT[effort];
  if (!known) throw new InvalidArgumentError('reasoningEffort', 'must be MINIMAL, LOW, MEDIUM or HIGH');
  return known;
}

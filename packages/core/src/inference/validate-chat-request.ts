import { InvalidArgumentError } from '../errors/domain-error.js';
import type { ChatMessage, ChatRequest, ContentPart, ToolChoice } from './chat.js';

const TOOL_NAME = /^[A-Za-z0-9_.-]{1,128}$/;
const MAX_STOP_SEQUENCES = 16;

/**
 * Checks a chat request before any provider sees it. Errors name the field as a path
 * (`messages[2].toolCallId`). Transports build the request from their own wire types, so this is
 * the one place the rules live.
 */
export function validateChatRequest(request: ChatRequest): void {
  nonEmptyString(request.model, 'model');
  if (!Array.isArray(request.messages) || request.messages.length === 0) {
    throw new InvalidArgumentError('messages', 'must hold at least one message');
  }
  request.messages.forEach((message, i) => validateMessage(message, `messages[${i}]`));

  const toolNames = new Set<string>();
  request.tools?.forEach((tool, i) => {
    const where = `tools[${i}]`;
    if (typeof tool.name !== 'string' || !TOOL_NAME.test(tool.name)) {
      throw new InvalidArgumentError(`${where}.name`, 'must be 1 to 128 letters, digits, "_", "-" or "."');
    }
    if (toolNames.has(tool.name))
      throw new InvalidArgumentError(`${where}.name`, `repeats the tool ${tool.name}`);
    toolNames.add(tool.name);
    if (!isObject(tool.parameters))
      throw new InvalidArgumentError(`${where}.parameters`, 'must be a JSON schema object');
  });
  if (request.toolChoice) validateToolChoice(request.toolChoice, toolNames);

  range(request.temperature, 'temperature', 0, 2);
  range(request.topP, 'topP', 0, 1);
  range(request.presencePenalty, 'presencePenalty', -2, 2);
  range(request.frequencyPenalty, 'frequencyPenalty', -2, 2);
  positiveInteger(request.maxOutputTokens, 'maxOutputTokens');
  positiveInteger(request.reasoningBudgetTokens, 'reasoningBudgetTokens');
  if (request.seed !== undefined && !Number.isSafeInteger(request.seed)) {
    throw new InvalidArgumentError('seed', 'must be an integer');
  }
  if (request.stop !== undefined) {
    if (request.stop.length > MAX_STOP_SEQUENCES) {
      throw new InvalidArgumentError('stop', `must hold at most ${MAX_STOP_SEQUENCES} sequences`);
    }
    request.stop.forEach((s, i) => nonEmptyString(s, `stop[${i}]`));
  }
  const format = request.responseFormat;
  if (format?.type === 'json_schema') {
    nonEmptyString(format.name, 'responseFormat.name');
    if (!isObject(format.schema))
      throw new InvalidArgumentError('responseFormat.schema', 'must be a JSON schema object');
  }
  if (request.providerOptions !== undefined && !isObject(request.providerOptions)) {
    throw new InvalidArgumentError('providerOptions', 'must be an object');
  }
}

function validateMessage(message: ChatMessage, where: string): void {
  switch (message.role) {
    case 'system':
      if (typeof message.content !== 'string')
        throw new InvalidArgumentError(`${where}.content`, 'must be text');
      return;
    case 'user':
      if (typeof message.content === 'string') return;
      if (!Array.isArray(message.content) || message.content.length === 0) {
        throw new InvalidArgumentError(`${where}.content`, 'must be text or a non-empty list of parts');
      }
      message.content.forEach((part, i) => validatePart(part, `${where}.content[${i}]`));
      return;
    case 'assistant':
      message.toolCalls?.forEach((call, i) => {
        nonEmptyString(call.id, `${where}.toolCalls[${i}].id`);
        nonEmptyString(call.name, `${where}.toolCalls[${i}].name`);
        if (typeof call.arguments !== 'string') {
          throw new InvalidArgumentError(`${where}.toolCalls[${i}].arguments`, 'must be JSON text');
        }
      });
      if (!message.content && !message.toolCalls?.length && !message.reasoning) {
        throw new InvalidArgumentError(
          `${where}.content`,
          'an assistant message needs content or tool calls',
        );
      }
      return;
    case 'tool':
      nonEmptyString(message.toolCallId, `${where}.toolCallId`);
      if (typeof message.content !== 'string')
        throw new InvalidArgumentError(`${where}.content`, 'must be text');
      return;
    default:
      throw new InvalidArgumentError(`${where}.role`, 'must be system, user, assistant or tool');
  }
}

function validatePart(part: ContentPart, where: string): void {
  if (part.type === 'text') {
    if (typeof part.text !== 'string') throw new InvalidArgumentError(`${where}.text`, 'must be text');
    return;
  }
  if (part.type === 'image') {
    if ('url' in part) {
      if (!/^(https?:|data:)/.test(part.url)) {
        throw new InvalidArgumentError(`${where}.url`, 'must be an http(s) or data: URL');
      }
      return;
    }
    nonEmptyString(part.data, `${where}.data`);
    if (!/^image\/[a-z0-9.+-]+$/.test(part.mediaType ?? '')) {
      throw new InvalidArgumentError(`${where}.mediaType`, 'must be an image media type such as image/png');
    }
    return;
  }
  throw new InvalidArgumentError(`${where}.type`, 'must be text or image');
}

function validateToolChoice(choice: ToolChoice, toolNames: ReadonlySet<string>): void {
  if (choice.type === 'tool') {
    if (!toolNames.has(choice.name))
      throw new InvalidArgumentError('toolChoice.name', 'names no tool of the request');
  } else if (choice.type === 'required' && toolNames.size === 0) {
    throw new InvalidArgumentError('toolChoice', 'requires a tool but the request has none');
  }
}

function nonEmptyString(value: unknown, field: string): void {
  if (typeof value !== 'string' || value.length === 0)
    throw new InvalidArgumentError(field, 'must be a non-empty string');
}

function range(value: number | undefined, field: string, min: number, max: number): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new InvalidArgumentError(field, `must be a number from ${min} to ${max}`);
  }
}

function positiveInteger(value: number | undefined, field: string): void {
  if (value === undefined) return;
  if (!Number.isSafeInteger(value) || value < 1)
    throw new InvalidArgumentError(field, 'must be a positive integer');
}

function isObject(value: unknown): boolean {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

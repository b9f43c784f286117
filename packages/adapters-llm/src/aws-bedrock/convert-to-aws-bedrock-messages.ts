import {
  InvalidArgumentError,
  type ChatMessage,
  type ContentPart,
  type ToolCall,
} from '@integration-api/core';
import type { AwsBedrockContentBlock, AwsBedrockImageFormat, AwsBedrockMessage } from './aws-bedrock-api.js';

export interface AwsBedrockPrompt {
  readonly system: readonly { readonly text: string }[];
  readonly messages: readonly AwsBedrockMessage[];
}

export interface ConvertToAwsBedrockMessagesOptions {
  /**
   * `native` (default): tool calls and results as `toolUse` / `toolResult` blocks. `text`: as
   * plain text, for a request that sends no tools: Bedrock refuses tool blocks in a conversation
   * unless `toolConfig` is present, and `toolConfig` would let the model call tools again.
   */
  readonly toolBlocks?: 'native' | 'text';
}

const IMAGE_FORMATS: Readonly<Record<string, AwsBedrockImageFormat>> = {
  'image/png': 'png',
  'image/jpeg': 'jpeg',
  'image/jpg': 'jpeg',
  'image/gif': 'gif',
  'image/webp': 'webp',
};

/**
 * Our messages in Converse form:
 * - every system message, wherever it stands, joins the top-level `system` blocks;
 * - tool results become `toolResult` blocks of a user message, and consecutive messages of one
 *   role are merged into one (Bedrock wants user and assistant to alternate), with tool results
 *   first in a merged user message, as Anthropic models require;
 * - images go inline (`bytes` in base64; data: URLs are unpacked); Converse cannot fetch a URL;
 * - assistant reasoning is not sent back: Bedrock needs the thinking block's signature, which our
 *   model does not keep;
 * - blank text blocks are left out (Bedrock refuses them), and so is trailing white space at the
 *   end of a final assistant message (a prefill), which Anthropic models refuse;
 * - tool call ids are reduced to the characters Bedrock allows (`[A-Za-z0-9_-]`), the same way in
 *   calls and results, so ids made by other providers still pair up.
 */
export function convertToAwsBedrockMessages(
  messages: readonly ChatMessage[],
  options: ConvertToAwsBedrockMessagesOptions = {},
): AwsBedrockPrompt {
  const asText = options.toolBlocks === 'text';
  const system: { text: string }[] = [];
  const turns: { role: 'user' | 'assistant'; content: AwsBedrockContentBlock[] }[] = [];
  const toolNames = new Map<string, string>();

  const append = (role: 'user' | 'assistant', blocks: AwsBedrockContentBlock[]) => {
    if (blocks.length === 0) return;
    const last = turns[turns.length - 1];
    if (last?.role !== role) {
      turns.push({ role, content: blocks });
      return;
    }
    const merged = [...last.content, ...blocks];
    last.content =
      role === 'user' ? [...merged.filter(isToolResult), ...merged.filter((b) => !isToolResult(b))] : merged;
  };

  messages.forEach((message, i) => {
    const where = `messages[${i}]`;
    switch (message.role) {
      case 'system':
        if (!isBlank(message.content)) system.push({ text: message.content });
        return;
      case 'user':
        append('user', userBlocks(message.content, where));
        return;
      case 'assistant': {
        const blocks: AwsBedrockContentBlock[] = [];
        if (message.content !== undefined && !isBlank(message.content))
          blocks.push({ text: message.content });
        message.toolCalls?.forEach((call, j) => {
          toolNames.set(call.id, call.name);
          blocks.push(
            asText ? { text: toolCallText(call) } : toolUseBlock(call, `${where}.toolCalls[${j}].arguments`),
          );
        });
        append('assistant', blocks);
        return;
      }
      case 'tool': {
        const name = message.name ?? toolNames.get(message.toolCallId);
        append(
          'user',
          asText
            ? [{ text: toolResultText(message.toolCallId, name, message.content) }]
            : [
                {
                  toolResult: {
                    toolUseId: toolUseId(message.toolCallId),
                    content: [{ text: message.content }],
                  },
                },
              ],
        );
        return;
      }
    }
  });

  trimFinalAssistant(turns);
  return { system, messages: turns };
}

function userBlocks(content: string | readonly ContentPart[], where: string): AwsBedrockContentBlock[] {
  if (typeof content === 'string') return isBlank(content) ? [] : [{ text: content }];
  const blocks: AwsBedrockContentBlock[] = [];
  content.forEach((part, j) => {
    if (part.type === 'text') {
      if (!isBlank(part.text)) blocks.push({ text: part.text });
    } else {
      blocks.push(imageBlock(part, `${where}.content[${j}]`));
    }
  });
  return blocks;
}

function imageBlock(part: Extract<ContentPart, { type: 'image' }>, where: string): AwsBedrockContentBlock {
  let mediaType: string;
  let data: string;
  let field: string;
  if ('url' in part) {
    const dataUrl = /^data:([^;,]+)(?:;[^;,]*)*;base64,(.*)$/s.exec(part.url);
    if (!dataUrl) {
      throw new InvalidArgumentError(
        `${where}.url`,
        'Bedrock takes images inline only: send base64 data or a base64 data: URL',
      );
    }
    mediaType = dataUrl[1]!;
    data = dataUrl[2]!;
    field = `${where}.url`;
  } else {
    mediaType = part.mediaType;
    data = part.data;
    field = `${where}.mediaType`;
  }
  const format = IMAGE_FORMATS[mediaType.toLowerCase()];
  if (!format) throw new InvalidArgumentError(field, 'must be a PNG, JPEG, GIF or WebP image for Bedrock');
  return { image: { format, source: { bytes: data } } };
}

function toolUseBlock(call: ToolCall, field: string): AwsBedrockContentBlock {
  return {
    toolUse: { toolUseId: toolUseId(call.id), name: call.name, input: toolInput(call.arguments, field) },
  };
}

/** Bedrock wants the arguments as a JSON object; no arguments (``, `null`) is `{}`. */
function toolInput(text: string, field: string): Record<string, unknown> {
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new InvalidArgumentError(field, 'must be valid JSON for Bedrock');
  }
  if (value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new InvalidArgumentError(field, 'must be a JSON object for Bedrock');
  }
  return value as Record<string, unknown>;
}

function toolUseId(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 64);
}

function toolCallText(call: ToolCall): string {
  return `[Called the tool ${call.name} (call ${call.id}) with the arguments ${call.arguments || '{}'}]`;
}

function toolResultText(id: string, name: string | undefined, content: string): string {
  return `[Result of the tool call ${id}${name ? ` to ${name}` : ''}]\n${content}`;
}

function trimFinalAssistant(turns: { role: string; content: AwsBedrockContentBlock[] }[]): void {
  const last = turns[turns.length - 1];
  if (last?.role !== 'assistant') return;
  const block = last.content[last.content.length - 1];
  if (block && 'text' in block) {
    const text = block.text.trimEnd();
    last.content[last.content.length - 1] = { text };
  }
}

function isToolResult(block: AwsBedrockContentBlock): boolean {
  return 'toolResult' in block;
}

function isBlank(text: string): boolean {
  return text.trim() === '';
}

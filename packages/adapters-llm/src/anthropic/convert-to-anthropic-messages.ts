import {
  InvalidArgumentError,
  type ChatMessage,
  type ContentPart,
  type ToolCall,
} from '@integration-api/core';
import type {
  AnthropicAssistantBlockParam,
  AnthropicImageBlockParam,
  AnthropicMessageParam,
  AnthropicToolUseBlockParam,
  AnthropicUserBlockParam,
} from './anthropic-api.js';

export interface AnthropicPrompt {
  /** Every system message, in order, joined by a blank line; absent when there is none. */
  readonly system?: string;
  readonly messages: AnthropicMessageParam[];
}

type Turn =
  | { role: 'user'; content: AnthropicUserBlockParam[] }
  | { role: 'assistant'; content: AnthropicAssistantBlockParam[] };

/**
 * Our conversation in Anthropic's shape:
 * - system messages go to the top-level `system` field (Anthropic has no system role), wherever
 *   they stood;
 * - tool results become `tool_result` blocks of a user turn;
 * - consecutive turns of one role are merged, since Anthropic wants user and assistant to
 *   alternate, and in a merged user turn the tool results come first, as Anthropic requires;
 * - assistant tool calls become `tool_use` blocks whose `input` is the parsed arguments;
 * - empty text is dropped (Anthropic refuses empty text blocks; OpenAI-style clients send
 *   `content: ""` beside tool calls).
 * Assistant `reasoning` is not sent back: Anthropic accepts earlier thinking only as signed
 * `thinking` blocks, and our messages carry no signature.
 */
export function convertToAnthropicMessages(messages: readonly ChatMessage[]): AnthropicPrompt {
  const system: string[] = [];
  const turns: Turn[] = [];

  messages.forEach((message, i) => {
    const where = `messages[${i}]`;
    switch (message.role) {
      case 'system':
        if (message.content) system.push(message.content);
        return;
      case 'user': {
        const content = userBlocks(message.content, `${where}.content`);
        if (content.length === 0) throw new InvalidArgumentError(`${where}.content`, 'must not be empty');
        append(turns, { role: 'user', content });
        return;
      }
      case 'assistant': {
        const content: AnthropicAssistantBlockParam[] = [];
        if (message.content) content.push({ type: 'text', text: message.content });
        message.toolCalls?.forEach((call, j) => content.push(toolUse(call, `${where}.toolCalls[${j}]`)));
        // Only reasoning, which is not sent: nothing of this turn remains.
        if (content.length > 0) append(turns, { role: 'assistant', content });
        return;
      }
      case 'tool':
        append(turns, {
          role: 'user',
          content: [
            {
              type: 'tool_result',
              tool_use_id: message.toolCallId,
              ...(message.content ? { content: message.content } : {}),
            },
          ],
        });
        return;
    }
  });

  return {
    ...(system.length > 0 ? { system: system.join('\n\n') } : {}),
    messages: turns.map((turn) =>
      turn.role === 'user' ? { role: 'user', content: toolResultsFirst(turn.content) } : turn,
    ),
  };
}

function append(turns: Turn[], turn: Turn): void {
  const last = turns.at(-1);
  if (last?.role === 'user' && turn.role === 'user') last.content.push(...turn.content);
  else if (last?.role === 'assistant' && turn.role === 'assistant') last.content.push(...turn.content);
  else turns.push(turn);
}

function toolResultsFirst(content: AnthropicUserBlockParam[]): AnthropicUserBlockParam[] {
  return [
    ...content.filter((block) => block.type === 'tool_result'),
    ...content.filter((block) => block.type !== 'tool_result'),
  ];
}

function userBlocks(content: string | readonly ContentPart[], where: string): AnthropicUserBlockParam[] {
  if (typeof content === 'string') return content ? [{ type: 'text', text: content }] : [];
  const blocks: AnthropicUserBlockParam[] = [];
  content.forEach((part, k) => {
    if (part.type === 'text') {
      if (part.text) blocks.push({ type: 'text', text: part.text });
    } else {
      blocks.push(imageBlock(part, `${where}[${k}]`));
    }
  });
  return blocks;
}

function imageBlock(part: Extract<ContentPart, { type: 'image' }>, where: string): AnthropicImageBlockParam {
  if ('data' in part) {
    return { type: 'image', source: { type: 'base64', media_type: part.mediaType, data: part.data } };
  }
  if (!part.url.startsWith('data:')) return { type: 'image', source: { type: 'url', url: part.url } };
  // Anthropic takes inline images only as base64 with a separate media type.
  const match = /^data:([^;,]+)((?:;[^;,]*)*),(.*)$/s.exec(part.url);
  if (!match || !match[2]!.split(';').includes('base64')) {
    throw new InvalidArgumentError(
      `${where}.url`,
      'a data: URL must be base64-encoded (data:image/png;base64,...)',
    );
  }
  const mediaType = match[1]!.toLowerCase();
  if (!mediaType.startsWith('image/')) {
    throw new InvalidArgumentError(
      `${where}.url`,
      'a data: URL must hold an image media type such as image/png',
    );
  }
  return { type: 'image', source: { type: 'base64', media_type: mediaType, data: match[3]! } };
}

/** Anthropic wants the arguments as a JSON object; our calls carry them as JSON text. */
function toolUse(call: ToolCall, where: string): AnthropicToolUseBlockParam {
  const text = call.arguments.trim();
  let input: unknown;
  if (text === '') {
    input = {};
  } else {
    try {
      input = JSON.parse(text);
    } catch {
      throw new InvalidArgumentError(
        `${where}.arguments`,
        'must be valid JSON to send the call to Anthropic',
      );
    }
  }
  // Some clients write a call without arguments as `null`.
  if (input === null) input = {};
  if (typeof input !== 'object' || Array.isArray(input)) {
    throw new InvalidArgumentError(
      `${where}.arguments`,
      'must be a JSON object to send the call to Anthropic',
    );
  }
  return { type: 'tool_use', id: call.id, name: call.name, input: input as Record<string, unknown> };
}

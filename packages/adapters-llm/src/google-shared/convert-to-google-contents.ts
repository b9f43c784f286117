import { InvalidArgumentError, type ChatMessage, type ToolCall } from '@integration-api/core';
import { convertImageToGooglePart } from './convert-image-to-google-part.js';
import type { GoogleContent, GooglePart } from './google-api.js';

export interface GoogleContents {
  readonly contents: readonly GoogleContent[];
  readonly systemInstruction?: { readonly parts: readonly { readonly text: string }[] };
}

export interface ConvertToGoogleContentsOptions {
  /**
   * Put on the first function call of each replayed model turn. Gemini 3 refuses (400) a replayed
   * function call without the `thoughtSignature` it came with, and our messages do not carry
   * signatures; Google documents the value `skip_thought_signature_validator` for this case.
   */
  readonly replayedCallSignature?: string;
}

/**
 * Our messages as Google `contents`:
 * - leading system messages become `systemInstruction`; a system message later in the
 *   conversation becomes user text at its place (Google has no system role in `contents`);
 * - user text and images become parts of a `user` turn (see convertImageToGooglePart);
 * - assistant text and tool calls become `text` and `functionCall{name,args}` parts of a `model`
 *   turn, the arguments parsed from our JSON text; assistant reasoning is not sent back (Google
 *   takes thoughts back only with their signatures, which we do not keep);
 * - tool results become `functionResponse{name, response:{output}}` parts of a `user` turn. Google
 *   matches results by function name, which a tool message may lack: it is taken from the earlier
 *   assistant tool call with the same id. The output is the parsed JSON when the content is a JSON
 *   object or array, the text otherwise;
 * - neighbouring turns of the same role merge into one, so consecutive tool results form one turn
 *   and the roles alternate as Google expects.
 * Tool call ids are not sent: Google's own ids are optional and ours may be synthesized.
 */
export function convertToGoogleContents(
  messages: readonly ChatMessage[],
  options: ConvertToGoogleContentsOptions = {},
): GoogleContents {
  const system: { text: string }[] = [];
  const contents: { role: 'user' | 'model'; parts: GooglePart[] }[] = [];
  const push = (role: 'user' | 'model', parts: GooglePart[]) => {
    if (parts.length === 0) return;
    const last = contents.at(-1);
    if (last?.role === role) last.parts.push(...parts);
    else contents.push({ role, parts });
  };

  messages.forEach((message, i) => {
    const where = `messages[${i}]`;
    switch (message.role) {
      case 'system':
        if (contents.length === 0) system.push({ text: message.content });
        else push('user', [{ text: message.content }]);
        return;
      case 'user':
        push('user', userParts(message.content, where));
        return;
      case 'assistant':
        push('model', modelParts(message.content, message.toolCalls, where, options));
        return;
      case 'tool':
        push('user', [
          {
            functionResponse: {
              name: message.name || nameOfCall(messages, i),
              response: { output: outputOf(message.content) },
            },
          },
        ]);
        return;
    }
  });

  if (contents.length === 0) {
    throw new InvalidArgumentError('messages', 'needs a user or assistant message besides the system prompt');
  }
  return { contents, ...(system.length > 0 ? { systemInstruction: { parts: system } } : {}) };
}

function userParts(content: Extract<ChatMessage, { role: 'user' }>['content'], where: string): GooglePart[] {
  if (typeof content === 'string') return [{ text: content }];
  return content.map((part, j) =>
    part.type === 'text' ? { text: part.text } : convertImageToGooglePart(part, `${where}.content[${j}]`),
  );
}

function modelParts(
  text: string | undefined,
  toolCalls: readonly ToolCall[] | undefined,
  where: string,
  options: ConvertToGoogleContentsOptions,
): GooglePart[] {
  const parts: GooglePart[] = text ? [{ text }] : [];
  toolCalls?.forEach((call, j) => {
    const functionCall = {
      name: call.name,
      args: argumentsOf(call.arguments, `${where}.toolCalls[${j}].arguments`),
    };
    const signature = j === 0 ? options.replayedCallSignature : undefined;
    parts.push(signature ? { functionCall, thoughtSignature: signature } : { functionCall });
  });
  return parts;
}

/** Google wants the arguments as an object; empty text or `null` mean none. */
function argumentsOf(json: string, field: string): Record<string, unknown> {
  if (json.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new InvalidArgumentError(field, 'must be JSON text; Gemini takes the arguments as an object');
  }
  if (parsed === null) return {};
  if (typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new InvalidArgumentError(field, 'must be a JSON object; Gemini takes the arguments as an object');
  }
  return parsed as Record<string, unknown>;
}

/** The name of the call a tool result answers: the latest earlier assistant call with its id. */
function nameOfCall(messages: readonly ChatMessage[], toolIndex: number): string {
  const tool = messages[toolIndex] as Extract<ChatMessage, { role: 'tool' }>;
  for (let i = toolIndex - 1; i >= 0; i--) {
    const message = messages[i]!;
    if (message.role !== 'assistant') continue;
    const call = message.toolCalls?.find((c) => c.id === tool.toolCallId);
    if (call) return call.name;
  }
  throw new InvalidArgumentError(
    `messages[${toolIndex}].toolCallId`,
    'matches no earlier assistant tool call; Gemini needs the function name, so give the tool message a name',
  );
}

function outputOf(content: string): unknown {
  const text = content.trim();
  if (text.startsWith('{') || text.startsWith('[')) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      // Not JSON after all: send the text.
    }
  }
  return content;
}

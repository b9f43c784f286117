import type { ChatMessage, ContentPart } from '@integration-api/core';
import type { OpenAICompatibleContentPart, OpenAICompatibleMessage } from './openai-compatible-api.js';

export interface MessageConversionOptions {
  /** Keep the tool's name on tool-result messages. */
  readonly toolMessageName: boolean;
}

/**
 * Our messages as chat-completions messages. Images become `image_url` parts (inline data as a
 * data URL); an assistant's reasoning is not sent back (these APIs take none); tool calls keep
 * their ids so the tool results that follow refer to them.
 */
export function convertToOpenAICompatibleMessages(
  messages: readonly ChatMessage[],
  options: MessageConversionOptions,
): OpenAICompatibleMessage[] {
  return messages.map((message): OpenAICompatibleMessage => {
    switch (message.role) {
      case 'system':
        return { role: 'system', content: message.content };
      case 'user':
        return { role: 'user', content: userContent(message.content) };
      case 'assistant':
        return {
          role: 'assistant',
          // An empty string, not null: some compatible servers refuse a null content.
          content: message.content ?? '',
          ...(message.toolCalls?.length
            ? {
                tool_calls: message.toolCalls.map((call) => ({
                  id: call.id,
                  type: 'function' as const,
                  function: { name: call.name, arguments: call.arguments },
                })),
              }
            : {}),
        };
      case 'tool':
        return {
          role: 'tool',
          tool_call_id: message.toolCallId,
          content: message.content,
          ...(options.toolMessageName && message.name ? { name: message.name } : {}),
        };
    }
  });
}

function userContent(content: string | readonly ContentPart[]): string | OpenAICompatibleContentPart[] {
  if (typeof content === 'string') return content;
  // A lone text part is sent as plain text, the form every compatible server accepts.
  if (content.length === 1 && content[0]!.type === 'text') return content[0]!.text;
  return content.map((part): OpenAICompatibleContentPart => {
    if (part.type === 'text') return { type: 'text', text: part.text };
    const url = 'url' in part ? part.url : `data:${part.mediaType};base64,${part.data}`;
    return { type: 'image_url', image_url: { url } };
  });
}

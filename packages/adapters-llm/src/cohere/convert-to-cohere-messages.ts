import type { ChatMessage, ContentPart, ToolCall } from '@integration-api/core';
import type {
  CohereAssistantContentPart,
  CohereMessage,
  CohereToolCall,
  CohereUserContentPart,
} from './cohere-api.js';

/**
 * Our chat messages as Cohere v2 `messages`.
 *
 * - System: Cohere wants the system turn first, so every system message is joined (blank line
 *   between) into one leading system message; a later system instruction keeps its effect but
 *   loses its position.
 * - User: text stays a string; a message with images becomes `text` / `image_url` parts (inline
 *   images as `data:` URLs).
 * - Assistant with tool calls: `tool_calls`, with its reasoning and any text as the `tool_plan`
 *   (Cohere's plan that comes with tool calls; we read it back as reasoning). Without tool
 *   calls: the text, preceded by a `thinking` part when it carries reasoning.
 * - Tool results: `{role:'tool', tool_call_id, content}`.
 */
export function convertToCohereMessages(messages: readonly ChatMessage[]): CohereMessage[] {
  const system = messages
    .filter((message) => message.role === 'system')
    .map((message) => message.content)
    .filter((content) => content.length > 0);
  const converted: CohereMessage[] = system.length ? [{ role: 'system', content: system.join('\n\n') }] : [];

  for (const message of messages) {
    switch (message.role) {
      case 'system':
        break;
      case 'user':
        converted.push({ role: 'user', content: userContent(message.content) });
        break;
      case 'assistant':
        converted.push(assistantMessage(message));
        break;
      case 'tool':
        converted.push({ role: 'tool', tool_call_id: message.toolCallId, content: message.content });
        break;
    }
  }
  return converted;
}

function userContent(content: string | readonly ContentPart[]): string | CohereUserContentPart[] {
  if (typeof content === 'string') return content;
  if (!content.some((part) => part.type === 'image')) {
    return content.map((part) => (part.type === 'text' ? part.text : '')).join('');
  }
  return content.map((part): CohereUserContentPart => {
    if (part.type === 'text') return { type: 'text', text: part.text };
    const url = 'url' in part ? part.url : `data:${part.mediaType};base64,${part.data}`;
    return { type: 'image_url', image_url: { url } };
  });
}

function assistantMessage(message: Extract<ChatMessage, { role: 'assistant' }>): CohereMessage {
  const text = message.content ?? '';
  const reasoning = message.reasoning ?? '';
  if (message.toolCalls?.length) {
    const plan = [reasoning, text].filter((part) => part.length > 0).join('\n\n');
    return {
      role: 'assistant',
      ...(plan ? { tool_plan: plan } : {}),
      tool_calls: message.toolCalls.map(toolCall),
    };
  }
  if (!reasoning) return { role: 'assistant', content: text };
  const parts: CohereAssistantContentPart[] = [{ type: 'thinking', thinking: reasoning }];
  if (text) parts.push({ type: 'text', text });
  return { role: 'assistant', content: parts };
}

function toolCall(call: ToolCall): CohereToolCall {
  return {
    id: call.id,
    type: 'function',
    // A call without arguments still needs a JSON object.
    function: { name: call.name, arguments: call.arguments.trim() ? call.arguments : '{}' },
  };
}

import { InvalidArgumentError, type ChatMessage } from '@integration-api/core';

/** The conversation as the text inputs Replicate's chat models take. */
export interface ReplicatePrompt {
  readonly prompt: string;
  /** Every system message, in order, separated by a blank line; absent when there is none. */
  readonly system_prompt?: string;
}

/**
 * Turns our messages into `prompt` and `system_prompt`, the inputs of the instruct models on
 * Replicate (Meta Llama 3.x, Mistral, ...), which wrap them in their own chat template.
 * - A single user message is the prompt as it is.
 * - A longer conversation becomes a plain transcript: one `User: ...` or `Assistant: ...` turn
 *   per message, separated by a blank line, ending with `Assistant:` when the last turn is the
 *   user's (so the model answers it; ending on an assistant turn asks it to continue that turn).
 * - Text parts of a user message are joined with a line break. Images, tool calls and tool
 *   results are refused (these models take text only); an assistant's reasoning is left out.
 */
export function convertToReplicatePrompt(messages: readonly ChatMessage[]): ReplicatePrompt {
  const system: string[] = [];
  const turns: { readonly speaker: 'User' | 'Assistant'; readonly text: string }[] = [];

  messages.forEach((message, i) => {
    const where = `messages[${i}]`;
    switch (message.role) {
      case 'system':
        system.push(message.content);
        return;
      case 'user':
        turns.push({ speaker: 'User', text: userText(message.content, where) });
        return;
      case 'assistant':
        if (message.toolCalls?.length) {
          throw new InvalidArgumentError(`${where}.toolCalls`, 'Replicate chat models take no tool calls');
        }
        // A message holding only reasoning says nothing the model should see again.
        if (message.content) turns.push({ speaker: 'Assistant', text: message.content });
        return;
      case 'tool':
        throw new InvalidArgumentError(`${where}.role`, 'Replicate chat models take no tool results');
    }
  });

  if (!turns.some((turn) => turn.speaker === 'User')) {
    throw new InvalidArgumentError('messages', 'needs a user message besides the system prompt');
  }
  const single = turns.length === 1 ? turns[0] : undefined;
  const prompt = single
    ? single.text
    : [
        ...turns.map((turn) => `${turn.speaker}: ${turn.text}`),
        ...(turns.at(-1)?.speaker === 'User' ? ['Assistant:'] : []),
      ].join('\n\n');
  return { prompt, ...(system.length > 0 ? { system_prompt: system.join('\n\n') } : {}) };
}

function userText(content: Extract<ChatMessage, { role: 'user' }>['content'], where: string): string {
  if (typeof content === 'string') return content;
  return content
    .map((part, j) => {
      if (part.type !== 'text') {
        throw new InvalidArgumentError(`${where}.content[${j}]`, 'Replicate chat models take text only');
      }
      return part.text;
    })
    .join('\n');
}

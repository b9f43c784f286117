import type { OpenAICompatibleAssistantPart } from './openai-compatible-api.js';

/** Text and reasoning of an answer's `message` or a chunk's `delta`, whichever way they came. */
export interface AssistantText {
  readonly text: string;
  readonly reasoning: string;
  /** OpenAI's refusal text; also included in `text`, so a caller sees why nothing else came. */
  readonly refusal: string;
}

/**
 * Reads `content` as a string or as Mistral's typed blocks (`text`, and `thinking` holding
 * text blocks), plus the reasoning fields compatible servers use (`reasoning_content`,
 * `reasoning`) and OpenAI's `refusal`.
 */
export function readAssistantText(part: OpenAICompatibleAssistantPart | null | undefined): AssistantText {
  let text = '';
  let reasoning = '';
  const content = part?.content;
  if (typeof content === 'string') {
    text = content;
  } else if (Array.isArray(content)) {
    for (const block of content) {
      if (block?.type === 'text' && typeof block.text === 'string') text += block.text;
      else if (block?.type === 'thinking') reasoning += thinkingText(block.thinking);
    }
  }
  if (typeof part?.reasoning_content === 'string') reasoning += part.reasoning_content;
  else if (typeof part?.reasoning === 'string') reasoning += part.reasoning;
  const refusal = typeof part?.refusal === 'string' ? part.refusal : '';
  return { text: text + refusal, reasoning, refusal };
}

function thinkingText(thinking: unknown): string {
  if (typeof thinking === 'string') return thinking;
  if (!Array.isArray(thinking)) return '';
  return thinking
    .map((block: { type?: unknown; text?: unknown } | null) =>
      block?.type === 'text' && typeof block.text === 'string' ? block.text : '',
    )
    .join('');
}

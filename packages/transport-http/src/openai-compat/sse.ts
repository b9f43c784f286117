/** One server-sent event carrying JSON, as OpenAI streams it (no event name, no id). */
export function sseData(value: unknown): string {
  return `data: ${JSON.stringify(value)}\n\n`;
}

/** The end marker of a stream that ended well; a failed stream ends without it. */
export const SSE_DONE = 'data: [DONE]\n\n';

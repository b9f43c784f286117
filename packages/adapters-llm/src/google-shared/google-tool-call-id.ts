import type { GoogleFunctionCall } from './google-api.js';

/**
 * The id of a function call in an answer. Google's ids are optional and the recorded answers of
 * both the Gemini API and Vertex AI carry none, so one is made when missing, deterministically:
 * `call_<responseId>_<n>`, n counting the answer's calls from 0 (`call_<n>` without a response
 * id). The same answer always yields the same ids, streamed or not, and answers never share one,
 * so a tool result's id finds its call in a long conversation. A Google id is kept as it is.
 */
export function googleToolCallId(
  call: GoogleFunctionCall,
  responseId: string | undefined,
  index: number,
): string {
  if (typeof call.id === 'string' && call.id) return call.id;
  const scope = responseId?.replace(/[^A-Za-z0-9_-]/g, '');
  return scope ? `call_${scope}_${index}` : `call_${index}`;
}

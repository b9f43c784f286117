/**
 * Finds the human message in a provider's error body. Covers the shapes the supported providers
 * use: `{error:{message}}` (OpenAI, Azure, Anthropic, Google), `{error:"..."}` (Hugging Face),
 * `{message}` / `{Message}` (Cohere, Mistral, Bedrock), `{detail}` (Replicate, Voyage AI), and
 * Google's array-wrapped form. Plain text bodies are used as they are; HTML pages are not.
 */
export function providerErrorMessage(bodyText: string): string | undefined {
  const text = bodyText.trim();
  if (!text) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return text.startsWith('<') ? undefined : text;
  }
  return messageIn(Array.isArray(parsed) ? parsed[0] : parsed);
}

function messageIn(value: unknown): string | undefined {
  if (!isObject(value)) return undefined;
  const error = value.error;
  if (isObject(error) && typeof error.message === 'string') return error.message;
  if (typeof error === 'string') return error;
  for (const key of ['message', 'Message', 'detail', 'error_description', 'title']) {
    const candidate = value[key];
    if (typeof candidate === 'string') return candidate;
  }
  // FastAPI-style validation errors: {detail:[{msg}]}.
  const detail = value.detail;
  if (Array.isArray(detail) && isObject(detail[0]) && typeof detail[0].msg === 'string') return detail[0].msg;
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

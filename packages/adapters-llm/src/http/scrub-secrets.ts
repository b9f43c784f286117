export const REDACTED = '[redacted]';
export const MAX_PROVIDER_MESSAGE_LENGTH = 500;

/** Shapes of credentials providers are known to echo back, even partly masked (`sk-proj-****abcd`). */
const SECRET_SHAPES: readonly RegExp[] = [
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g,
  /\bBearer\s+[^\s"',;]+/gi,
  /\bsk-[A-Za-z0-9_*-]{6,}/g, // OpenAI, Anthropic (sk-ant-...)
  /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g, // AWS access key ids
  /\bAIza[A-Za-z0-9_-]{20,}/g, // Google API keys
  /\bhf_[A-Za-z0-9]{16,}/g, // Hugging Face
  /\br8_[A-Za-z0-9]{16,}/g, // Replicate
  /\bpa-[A-Za-z0-9_-]{20,}/g, // Voyage AI
  // Long opaque tokens with letters and digits (Azure, Cohere, Mistral keys have no prefix).
  /(?<![A-Za-z0-9])(?=[A-Za-z0-9]*\d)(?=[A-Za-z0-9]*[A-Za-z])[A-Za-z0-9]{32,}(?![A-Za-z0-9])/g,
];

/**
 * Makes a provider's message safe to store and show: every occurrence of the caller's secret
 * values (raw or URL-encoded) and anything shaped like a credential becomes `[redacted]`; white
 * space is collapsed and the result bounded.
 */
export function scrubSecrets(
  message: string,
  secrets: Iterable<string>,
  maxLength = MAX_PROVIDER_MESSAGE_LENGTH,
): string {
  let text = message;
  const values = new Set<string>();
  for (const secret of secrets) {
    if (!secret) continue;
    values.add(secret);
    values.add(encodeURIComponent(secret));
  }
  // Longest first, so a secret containing another is redacted whole.
  for (const value of [...values].sort((a, b) => b.length - a.length)) {
    text = text.split(value).join(REDACTED);
  }
  for (const shape of SECRET_SHAPES) {
    text = text.replace(shape, (match) => (/^bearer/i.test(match) ? `Bearer ${REDACTED}` : REDACTED));
  }
  text = text.replace(/\s+/g, ' ').trim();
  return truncate(text, maxLength);
}

function truncate(text: string, maxLength: number): string {
  const chars = Array.from(text);
  if (chars.length <= maxLength) return text;
  return `${chars.slice(0, maxLength - 1).join('')}…`;
}

import { InvalidArgumentError, type CredentialConfig, type SecretPayload } from '@integration-api/core';
import { joinUrl } from '../http/url.js';
import { GOOGLE_GEMINI_DEFAULT_BASE_URL } from './google-gemini-spec.js';

/** The API root including its version, `https://generativelanguage.googleapis.com/v1beta` by default. */
export function geminiBaseUrl(config: CredentialConfig): string {
  return config.baseUrl || GOOGLE_GEMINI_DEFAULT_BASE_URL;
}

/**
 * The API key goes in the `x-goog-api-key` header, never in the URL: a `?key=` query ends up in
 * proxy logs and in error messages that echo the URL.
 */
export function geminiHeaders(secret: SecretPayload): Record<string, string> {
  const apiKey = secret.apiKey;
  if (!apiKey) throw new InvalidArgumentError('secret.apiKey', 'is required');
  return { 'x-goog-api-key': apiKey };
}

const MODEL_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * The resource name of a model: `models/<id>` for a bare id; `models/…` and `tunedModels/…` as
 * given. The id is checked so a model name cannot change the request path (`..`, `?`, `:`).
 */
export function geminiModelName(model: string, field = 'model'): string {
  const match = /^(models|tunedModels)\/(.+)$/.exec(model);
  const id = match ? match[2]! : model;
  if (!MODEL_ID.test(id) || id.includes('..')) {
    throw new InvalidArgumentError(field, 'must be a Gemini model id such as gemini-2.5-flash');
  }
  return match ? model : `models/${model}`;
}

export type GeminiModelMethod = 'generateContent' | 'streamGenerateContent' | 'batchEmbedContents';

/** `{base}/models/{id}:{method}`; streaming asks for server-sent events (`alt=sse`). */
export function geminiModelUrl(config: CredentialConfig, model: string, method: GeminiModelMethod): string {
  const url = joinUrl(geminiBaseUrl(config), `${geminiModelName(model)}:${method}`);
  return method === 'streamGenerateContent' ? `${url}?alt=sse` : url;
}

/** `GET {base}/models`: cheap, and needs a valid key; used to verify a credential. */
export function geminiModelsUrl(config: CredentialConfig): string {
  return joinUrl(geminiBaseUrl(config), 'models?pageSize=1');
}

import { InvalidArgumentError, type CredentialConfig, type SecretPayload } from '@integration-api/core';
import { joinUrl } from '../http/url.js';
import { HUGGINGFACE_DEFAULT_BASE_URL, HUGGINGFACE_DEFAULT_HUB_URL } from './huggingface-spec.js';

/** The chat API root including `/v1`: the router, or a dedicated endpoint's `/v1`. */
export function huggingfaceBaseUrl(config: CredentialConfig): string {
  return config.baseUrl || HUGGINGFACE_DEFAULT_BASE_URL;
}

/** The Hub root, where `/api/whoami-v2` checks the token. */
export function huggingfaceHubUrl(config: CredentialConfig): string {
  return config.hubUrl || HUGGINGFACE_DEFAULT_HUB_URL;
}

export function huggingfaceHeaders(secret: SecretPayload): Record<string, string> {
  const apiKey = secret.apiKey;
  if (!apiKey) throw new InvalidArgumentError('secret.apiKey', 'is required');
  return { authorization: `Bearer ${apiKey}` };
}

/**
 * Where feature-extraction requests go. A credential's `embeddingsUrl` (a dedicated Text
 * Embeddings Inference endpoint's `/embed`, which serves one model) is used as it is. Otherwise
 * the router's hf-inference pipeline for the model: the chat baseUrl without its `/v1`, then
 * `/hf-inference/models/{model}/pipeline/feature-extraction`.
 */
export function huggingfaceEmbeddingsUrl(config: CredentialConfig, model: string): string {
  if (config.embeddingsUrl) return config.embeddingsUrl;
  const root = huggingfaceBaseUrl(config).replace(/\/+$/, '').replace(/\/v1$/, '');
  return joinUrl(root, `hf-inference/models/${hubModelPath(model)}/pipeline/feature-extraction`);
}

/**
 * A Hub model id (`owner/name`) as a URL path, each segment encoded. The router runs
 * feature-extraction on hf-inference only, so `:hf-inference` is accepted and dropped; another
 * provider suffix cannot be honoured there.
 */
function hubModelPath(model: string): string {
  const colon = model.indexOf(':');
  const id = colon < 0 ? model : model.slice(0, colon);
  if (colon >= 0 && model.slice(colon + 1) !== 'hf-inference') {
    throw new InvalidArgumentError(
      'model',
      'Hugging Face embeddings run on hf-inference only; leave out the provider suffix',
    );
  }
  const segments = id.split('/');
  if (segments.some((segment) => segment === '' || segment === '.' || segment === '..')) {
    throw new InvalidArgumentError(
      'model',
      'must be a Hugging Face model id such as intfloat/multilingual-e5-large',
    );
  }
  return segments.map(encodeURIComponent).join('/');
}

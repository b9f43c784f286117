import type { Capabilities, FieldSpec } from '@integration-api/core';

/** Every capability off: a provider claims only what its adapter implements. */
export const NO_CAPABILITIES: Capabilities = {
  chat: false,
  streaming: false,
  tools: false,
  vision: false,
  embeddings: false,
  rerank: false,
  verify: false,
};

/** A required secret string (an API key or token); bounded well above any real key. */
export function secretField(
  name: string,
  description: string,
  options: { required?: boolean } = {},
): FieldSpec {
  return { name, description, required: options.required ?? true, maxLength: 1024 };
}

/** An optional override of the provider's API root, for proxies, gateways and compatible servers. */
export function baseUrlField(defaultUrl: string): FieldSpec {
  return {
    name: 'baseUrl',
    description: `API base URL; default ${defaultUrl}`,
    required: false,
    format: 'url',
    maxLength: 2048,
  };
}

/** A short optional setting (organization id, deployment name...). */
export function optionalText(name: string, description: string): FieldSpec {
  return { name, description, required: false, maxLength: 256 };
}

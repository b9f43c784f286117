import {
  PROVIDER_IDS,
  type ProviderAdapter,
  type ProviderId,
  type ProviderRegistry,
} from '@integration-api/core';
import { createAnthropicAdapter } from './anthropic/anthropic-adapter.js';
import { createAwsBedrockAdapter } from './aws-bedrock/aws-bedrock-adapter.js';
import { createAzureOpenAIAdapter } from './azure-openai/azure-openai-adapter.js';
import { createCohereAdapter } from './cohere/cohere-adapter.js';
import { createGoogleGeminiAdapter } from './google-gemini/google-gemini-adapter.js';
import { createGoogleVertexAdapter } from './google-vertex/google-vertex-adapter.js';
import type { UpstreamClients } from './http/upstream-clients.js';
import { createHuggingfaceAdapter } from './huggingface/huggingface-adapter.js';
import { createMistralAdapter } from './mistral/mistral-adapter.js';
import { createOpenAIAdapter } from './openai/openai-adapter.js';
import { createReplicateAdapter } from './replicate/replicate-adapter.js';
import { createVoyageaiAdapter } from './voyageai/voyageai-adapter.js';

export interface ProviderRegistryOptions {
  readonly clients: UpstreamClients;
  /** Bounds a verification's wait for response headers and between body chunks. Default 15 s. */
  readonly verifyTimeoutMs?: number;
}

export const DEFAULT_VERIFY_TIMEOUT_MS = 15_000;

/** Every provider the service knows, each with its adapter. */
export function createProviderRegistry(options: ProviderRegistryOptions): ProviderRegistry {
  const deps = { clients: options.clients, timeoutMs: options.verifyTimeoutMs ?? DEFAULT_VERIFY_TIMEOUT_MS };
  const adapters: Record<ProviderId, ProviderAdapter> = {
    openai: createOpenAIAdapter(deps),
    'azure-openai': createAzureOpenAIAdapter(deps),
    anthropic: createAnthropicAdapter(deps),
    'google-gemini': createGoogleGeminiAdapter(deps),
    'google-vertex': createGoogleVertexAdapter(deps),
    'aws-bedrock': createAwsBedrockAdapter(deps),
    cohere: createCohereAdapter(deps),
    mistral: createMistralAdapter(deps),
    huggingface: createHuggingfaceAdapter(deps),
    replicate: createReplicateAdapter(deps),
    voyageai: createVoyageaiAdapter(deps),
  };
  const list = Object.freeze(PROVIDER_IDS.map((id) => adapters[id]));
  return {
    list: () => list,
    get: (id) => (Object.hasOwn(adapters, id) ? adapters[id] : undefined),
  };
}

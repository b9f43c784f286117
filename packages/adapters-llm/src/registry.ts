import {
  PROVIDER_IDS,
  type ProviderAdapter,
  type ProviderId,
  type ProviderRegistry,
  type ProviderSpec,
} from '@integration-api/core';
import { anthropicSpec } from './anthropic/anthropic-spec.js';
import { awsBedrockSpec } from './aws-bedrock/aws-bedrock-spec.js';
import { azureOpenAISpec } from './azure-openai/azure-openai-spec.js';
import { cohereSpec } from './cohere/cohere-spec.js';
import { googleGeminiSpec } from './google-gemini/google-gemini-spec.js';
import { googleVertexSpec } from './google-vertex/google-vertex-spec.js';
import type { UpstreamClients } from './http/upstream-clients.js';
import { huggingfaceSpec } from './huggingface/huggingface-spec.js';
import { mistralSpec } from './mistral/mistral-spec.js';
import { createOpenAIAdapter } from './openai/openai-adapter.js';
import { replicateSpec } from './replicate/replicate-spec.js';
import { voyageaiSpec } from './voyageai/voyageai-spec.js';

export interface ProviderRegistryOptions {
  readonly clients: UpstreamClients;
  /** Bounds a verification's wait for response headers and between body chunks. Default 15 s. */
  readonly verifyTimeoutMs?: number;
}

export const DEFAULT_VERIFY_TIMEOUT_MS = 15_000;

/** Every provider the service knows, with what its adapter implements so far. */
export function createProviderRegistry(options: ProviderRegistryOptions): ProviderRegistry {
  const deps = { clients: options.clients, timeoutMs: options.verifyTimeoutMs ?? DEFAULT_VERIFY_TIMEOUT_MS };
  const specOnly = (spec: ProviderSpec): ProviderAdapter => ({ spec });
  const adapters: Record<ProviderId, ProviderAdapter> = {
    openai: createOpenAIAdapter(deps),
    'azure-openai': specOnly(azureOpenAISpec),
    anthropic: specOnly(anthropicSpec),
    'google-gemini': specOnly(googleGeminiSpec),
    'google-vertex': specOnly(googleVertexSpec),
    'aws-bedrock': specOnly(awsBedrockSpec),
    cohere: specOnly(cohereSpec),
    mistral: specOnly(mistralSpec),
    huggingface: specOnly(huggingfaceSpec),
    replicate: specOnly(replicateSpec),
    voyageai: specOnly(voyageaiSpec),
  };
  const list = Object.freeze(PROVIDER_IDS.map((id) => adapters[id]));
  return {
    list: () => list,
    get: (id) => (Object.hasOwn(adapters, id) ? adapters[id] : undefined),
  };
}

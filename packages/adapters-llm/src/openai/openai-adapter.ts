import type { ProviderAdapter } from '@integration-api/core';
import { createOpenAIVerifier, type OpenAIVerifierDeps } from './openai-verifier.js';
import { openaiSpec } from './openai-spec.js';

export function createOpenAIAdapter(deps: OpenAIVerifierDeps): ProviderAdapter {
  return { spec: openaiSpec, verify: createOpenAIVerifier(deps) };
}

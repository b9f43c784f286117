import type { ProviderAdapter, ProviderCall, VerifyOutcome, VerifyRequest } from '@integration-api/core';
import type { UpstreamClients } from '../http/upstream-clients.js';
import { joinUrl } from '../http/url.js';
import { verifyByCall } from '../http/verify-by-request.js';
import { createOpenAICompatibleChat } from '../openai-compatible/openai-compatible-chat.js';
import { createOpenAICompatibleEmbed } from '../openai-compatible/openai-compatible-embed.js';
import type { OpenAICompatibleTarget } from '../openai-compatible/openai-compatible-target.js';
import { MISTRAL_DIALECT } from './mistral-dialect.js';
import { mistralBaseUrl, mistralHeaders } from './mistral-request-config.js';
import { mistralSpec } from './mistral-spec.js';

export interface MistralAdapterDeps {
  readonly clients: UpstreamClients;
  /** Bounds the verification's wait for headers and each body chunk. */
  readonly timeoutMs: number;
}

/** Mistral: chat completions (plain and streamed), embeddings and key verification. */
export function createMistralAdapter(deps: MistralAdapterDeps): ProviderAdapter {
  const { clients } = deps;
  const targetOf =
    (path: string) =>
    (call: ProviderCall<{ readonly model: string }>): OpenAICompatibleTarget => ({
      url: joinUrl(mistralBaseUrl(call.config), path),
      headers: mistralHeaders(call.secret),
      model: call.request.model,
    });
  const { chat, streamChat } = createOpenAICompatibleChat({
    dialect: MISTRAL_DIALECT,
    clients,
    target: targetOf('chat/completions'),
  });
  return {
    spec: mistralSpec,
    verify: (request) => verifyMistral(deps, request),
    chat,
    streamChat,
    embed: createOpenAICompatibleEmbed({ dialect: MISTRAL_DIALECT, clients, target: targetOf('embeddings') }),
  };
}

/** Checks the key by listing models (`GET {baseUrl}/models`). */
function verifyMistral(deps: MistralAdapterDeps, request: VerifyRequest): Promise<VerifyOutcome> {
  return verifyByCall({ ...deps, provider: 'mistral' }, request, {
    url: joinUrl(mistralBaseUrl(request.config), 'models'),
    headers: mistralHeaders(request.secret),
  });
}

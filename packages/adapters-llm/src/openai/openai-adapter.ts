import type { ProviderAdapter, ProviderCall } from '@integration-api/core';
import { joinUrl } from '../http/url.js';
import { createOpenAICompatibleChat } from '../openai-compatible/openai-compatible-chat.js';
import { openAIDialect } from '../openai-compatible/openai-compatible-dialect.js';
import { createOpenAICompatibleEmbed } from '../openai-compatible/openai-compatible-embed.js';
import type { OpenAICompatibleTarget } from '../openai-compatible/openai-compatible-target.js';
import { openaiBaseUrl, openaiHeaders } from './openai-request-config.js';
import { openaiSpec } from './openai-spec.js';
import { createOpenAIVerifier, type OpenAIVerifierDeps } from './openai-verifier.js';

export type OpenAIAdapterDeps = OpenAIVerifierDeps;

export const OPENAI_DIALECT = openAIDialect('openai', ['x-request-id']);

/** OpenAI: chat completions (plain and streamed), embeddings and key verification. */
export function createOpenAIAdapter(deps: OpenAIAdapterDeps): ProviderAdapter {
  const targetOf =
    (path: string) =>
    (call: ProviderCall<{ readonly model: string }>): OpenAICompatibleTarget => ({
      url: joinUrl(openaiBaseUrl(call.config), path),
      headers: openaiHeaders(call.secret, call.config),
      model: call.request.model,
    });
  const { chat, streamChat } = createOpenAICompatibleChat({
    dialect: OPENAI_DIALECT,
    clients: deps.clients,
    target: targetOf('chat/completions'),
  });
  return {
    spec: openaiSpec,
    verify: createOpenAIVerifier(deps),
    chat,
    streamChat,
    embed: createOpenAICompatibleEmbed({
      dialect: OPENAI_DIALECT,
      clients: deps.clients,
      target: targetOf('embeddings'),
    }),
  };
}

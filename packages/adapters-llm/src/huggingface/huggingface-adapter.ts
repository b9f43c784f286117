import type { ProviderAdapter, VerifyOutcome, VerifyRequest } from '@integration-api/core';
import type { UpstreamClients } from '../http/upstream-clients.js';
import { joinUrl } from '../http/url.js';
import { verifyByRequest } from '../http/verify-by-request.js';
import { createOpenAICompatibleChat } from '../openai-compatible/openai-compatible-chat.js';
import { HUGGINGFACE_DIALECT } from './huggingface-dialect.js';
import { createHuggingfaceEmbed } from './huggingface-embed.js';
import { huggingfaceBaseUrl, huggingfaceHeaders, huggingfaceHubUrl } from './huggingface-request-config.js';
import { huggingfaceSpec } from './huggingface-spec.js';

export interface HuggingfaceAdapterDeps {
  readonly clients: UpstreamClients;
  /** Bounds the verification's wait for headers and each body chunk. */
  readonly timeoutMs: number;
}

/**
 * Hugging Face: chat completions (plain and streamed, tools, images) through the Inference
 * Providers router or a dedicated TGI/vLLM endpoint (the credential's baseUrl), model ids as the
 * Hub names them, optionally with a `:provider` suffix (`meta-llama/Llama-3.3-70B-Instruct:groq`);
 * embeddings through feature-extraction; token verification against the Hub.
 */
export function createHuggingfaceAdapter(deps: HuggingfaceAdapterDeps): ProviderAdapter {
  const { clients } = deps;
  const { chat, streamChat } = createOpenAICompatibleChat({
    dialect: HUGGINGFACE_DIALECT,
    clients,
    target: (call) => ({
      url: joinUrl(huggingfaceBaseUrl(call.config), 'chat/completions'),
      headers: huggingfaceHeaders(call.secret),
      model: call.request.model,
    }),
  });
  return {
    spec: huggingfaceSpec,
    verify: (request) => verifyHuggingface(deps, request),
    chat,
    streamChat,
    embed: createHuggingfaceEmbed({ clients }),
  };
}

/** Checks the token with the Hub's `GET /api/whoami-v2`: 200 accepts it, 401 refuses it. */
function verifyHuggingface(deps: HuggingfaceAdapterDeps, request: VerifyRequest): Promise<VerifyOutcome> {
  return verifyByRequest({
    provider: 'huggingface',
    clients: deps.clients,
    secret: request.secret,
    request: {
      method: 'GET',
      url: joinUrl(huggingfaceHubUrl(request.config), 'api/whoami-v2'),
      headers: { ...huggingfaceHeaders(request.secret), accept: 'application/json' },
      signal: request.signal,
      headersTimeoutMs: deps.timeoutMs,
      bodyTimeoutMs: deps.timeoutMs,
    },
  });
}

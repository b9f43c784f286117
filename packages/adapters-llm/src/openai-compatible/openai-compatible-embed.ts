import type { EmbedRequest, ProviderCall, ProviderEmbedResult } from '@integration-api/core';
import { firstHeader, postJson } from '../http/send-provider-request.js';
import type { UpstreamClients } from '../http/upstream-clients.js';
import { buildOpenAICompatibleEmbeddingBody } from './build-openai-compatible-embedding-body.js';
import type { OpenAICompatibleDialect } from './openai-compatible-dialect.js';
import { openAICompatibleErrorOf } from './openai-compatible-error.js';
import type { OpenAICompatibleTarget } from './openai-compatible-target.js';
import { parseOpenAICompatibleEmbeddings } from './parse-openai-compatible-embeddings.js';

export interface OpenAICompatibleEmbedDeps {
  readonly dialect: OpenAICompatibleDialect;
  readonly clients: UpstreamClients;
  /** The embeddings URL, headers and model for a call. */
  readonly target: (call: ProviderCall<EmbedRequest>) => OpenAICompatibleTarget;
}

/** `embed` over `/embeddings` in the dialect of one provider. */
export function createOpenAICompatibleEmbed(
  deps: OpenAICompatibleEmbedDeps,
): (call: ProviderCall<EmbedRequest>) => Promise<ProviderEmbedResult> {
  const { dialect, clients } = deps;
  const { provider } = dialect;
  return async (call) => {
    const target = deps.target(call);
    const { json, headers } = await postJson(
      { provider, clients, secret: call.secret },
      {
        url: target.url,
        headers: target.headers,
        body: buildOpenAICompatibleEmbeddingBody(call.request, dialect, target.model),
        signal: call.signal,
      },
    );
    const reported = openAICompatibleErrorOf(provider, json, Object.values(call.secret));
    if (reported) throw reported;
    return parseOpenAICompatibleEmbeddings(json, {
      provider,
      inputCount: call.request.inputs.length,
      requestId: firstHeader(headers, dialect.requestIdHeaders),
    });
  };
}

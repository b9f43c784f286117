import type { IncomingHttpHeaders } from 'node:http';
import type { EmbedRequest, ProviderCall, ProviderEmbedResult, Usage } from '@integration-api/core';
import { firstHeader, postJson } from '../http/send-provider-request.js';
import type { UpstreamClients } from '../http/upstream-clients.js';
import { openAICompatibleErrorOf } from '../openai-compatible/openai-compatible-error.js';
import { buildHuggingfaceEmbedRequests } from './build-huggingface-embed-requests.js';
import { COMPUTE_TOKENS_HEADER } from './huggingface-api.js';
import { HUGGINGFACE_DIALECT } from './huggingface-dialect.js';
import { huggingfaceEmbeddingsUrl, huggingfaceHeaders } from './huggingface-request-config.js';
import { parseHuggingfaceEmbeddings } from './parse-huggingface-embeddings.js';

const provider = 'huggingface';

/**
 * `embed` through feature-extraction: the router's hf-inference pipeline for the model, or the
 * credential's dedicated TEI endpoint. Inputs go 32 to a request, one request after the other;
 * usage is the sum of the `x-compute-tokens` headers when every answer carries one.
 */
export function createHuggingfaceEmbed(deps: {
  readonly clients: UpstreamClients;
}): (call: ProviderCall<EmbedRequest>) => Promise<ProviderEmbedResult> {
  return async (call) => {
    const { request } = call;
    const url = huggingfaceEmbeddingsUrl(call.config, request.model);
    const headers = huggingfaceHeaders(call.secret);
    const secrets = Object.values(call.secret);
    const embeddings: number[][] = [];
    let tokens: number | undefined = 0;
    let requestId: string | undefined;
    for (const body of buildHuggingfaceEmbedRequests(request)) {
      const answer = await postJson(
        { provider, clients: deps.clients, secret: call.secret },
        { url, headers, body, signal: call.signal },
      );
      const reported = openAICompatibleErrorOf(provider, answer.json, secrets);
      if (reported) throw reported;
      embeddings.push(
        ...parseHuggingfaceEmbeddings(answer.json, {
          provider,
          inputCount: body.inputs.length,
          ...(request.dimensions !== undefined ? { dimensions: request.dimensions } : {}),
        }),
      );
      const counted = computeTokens(answer.headers);
      tokens = tokens !== undefined && counted !== undefined ? tokens + counted : undefined;
      requestId ??= firstHeader(answer.headers, HUGGINGFACE_DIALECT.requestIdHeaders);
    }
    const usage: Usage = tokens !== undefined ? { inputTokens: tokens, totalTokens: tokens } : {};
    return { embeddings, usage, ...(requestId ? { providerRequestId: requestId } : {}) };
  };
}

/** The input tokens an answer counted, from TEI's `x-compute-tokens` header. */
export function computeTokens(headers: IncomingHttpHeaders): number | undefined {
  const value = firstHeader(headers, [COMPUTE_TOKENS_HEADER])?.trim();
  if (!value || !/^\d+$/.test(value)) return undefined;
  return Number(value);
}

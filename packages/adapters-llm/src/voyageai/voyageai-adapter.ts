import type {
  EmbedRequest,
  ProviderAdapter,
  ProviderCall,
  ProviderEmbedResult,
  ProviderRerankResult,
  RerankRequest,
} from '@integration-api/core';
import { postJson } from '../http/send-provider-request.js';
import type { UpstreamClients } from '../http/upstream-clients.js';
import { joinUrl } from '../http/url.js';
import { buildVoyageaiEmbedRequest } from './build-voyageai-embed-request.js';
import { buildVoyageaiRerankRequest } from './build-voyageai-rerank-request.js';
import { parseVoyageaiEmbedResponse } from './parse-voyageai-embed-response.js';
import { parseVoyageaiRerankResponse } from './parse-voyageai-rerank-response.js';
import { voyageaiBaseUrl, voyageaiHeaders } from './voyageai-request-config.js';
import { voyageaiSpec } from './voyageai-spec.js';
import { createVoyageaiVerifier, type VoyageaiVerifierDeps } from './voyageai-verifier.js';

export type VoyageaiAdapterDeps = VoyageaiVerifierDeps;

/**
 * Voyage AI: `/embeddings`, `/rerank`, and verification by a one-text embedding. Its error bodies
 * (`{detail}`) and statuses need nothing beyond the shared classification.
 */
export function createVoyageaiAdapter(deps: VoyageaiAdapterDeps): ProviderAdapter {
  const { clients } = deps;
  return {
    spec: voyageaiSpec,
    verify: createVoyageaiVerifier(deps),
    embed: (call) => embed(clients, call),
    rerank: (call) => rerank(clients, call),
  };
}

async function embed(
  clients: UpstreamClients,
  call: ProviderCall<EmbedRequest>,
): Promise<ProviderEmbedResult> {
  const json = await post(clients, call, 'embeddings', buildVoyageaiEmbedRequest(call.request));
  return parseVoyageaiEmbedResponse(json, call.request.inputs.length);
}

async function rerank(
  clients: UpstreamClients,
  call: ProviderCall<RerankRequest>,
): Promise<ProviderRerankResult> {
  const json = await post(clients, call, 'rerank', buildVoyageaiRerankRequest(call.request));
  return parseVoyageaiRerankResponse(json, call.request.documents.length);
}

async function post(clients: UpstreamClients, call: ProviderCall<unknown>, path: string, body: unknown) {
  const { json } = await postJson(
    { provider: 'voyageai', clients, secret: call.secret },
    {
      url: joinUrl(voyageaiBaseUrl(call.config), path),
      headers: voyageaiHeaders(call.secret),
      body,
      signal: call.signal,
    },
  );
  return json;
}

import {
  ProviderError,
  type ChatRequest,
  type ChatStreamEvent,
  type EmbedRequest,
  type ProviderAdapter,
  type ProviderCall,
  type ProviderChatResult,
  type ProviderEmbedResult,
  type ProviderRerankResult,
  type RerankRequest,
} from '@integration-api/core';
import { readProviderEvents } from '../http/provider-event-stream.js';
import {
  postJson,
  postJsonForStream,
  type JsonPost,
  type ProviderContext,
} from '../http/send-provider-request.js';
import type { UpstreamClients } from '../http/upstream-clients.js';
import { joinUrl } from '../http/url.js';
import { buildCohereChatRequest } from './build-cohere-chat-request.js';
import { buildCohereEmbedRequest } from './build-cohere-embed-request.js';
import { buildCohereRerankRequest } from './build-cohere-rerank-request.js';
import { isRecord, type CohereStreamEvent } from './cohere-api.js';
import { CohereChatStreamState } from './cohere-chat-stream-state.js';
import { cohereError } from './cohere-error.js';
import { cohereBaseUrl, cohereHeaders } from './cohere-request-config.js';
import { cohereSpec } from './cohere-spec.js';
import { createCohereVerifier, type CohereVerifierDeps } from './cohere-verifier.js';
import { parseCohereChatResponse } from './parse-cohere-chat-response.js';
import { parseCohereEmbedResponse } from './parse-cohere-embed-response.js';
import { parseCohereRerankResponse } from './parse-cohere-rerank-response.js';

export type CohereAdapterDeps = CohereVerifierDeps;

/** Cohere v2: chat (`/v2/chat`, streamed or not), `/v2/embed`, `/v2/rerank`, key check. */
export function createCohereAdapter(deps: CohereAdapterDeps): ProviderAdapter {
  const { clients } = deps;
  return {
    spec: cohereSpec,
    verify: createCohereVerifier(deps),
    chat: (call) => chat(clients, call),
    streamChat: (call) => streamChat(clients, call),
    embed: (call) => embed(clients, call),
    rerank: (call) => rerank(clients, call),
  };
}

async function chat(clients: UpstreamClients, call: ProviderCall<ChatRequest>): Promise<ProviderChatResult> {
  const body = buildCohereChatRequest(call.request, { stream: false });
  const result = parseCohereChatResponse(await post(clients, call, 'v2/chat', body));
  // Cohere does not echo the model; the one asked for is the one that answered.
  return { ...result, model: call.request.model };
}

async function* streamChat(
  clients: UpstreamClients,
  call: ProviderCall<ChatRequest>,
): AsyncGenerator<ChatStreamEvent> {
  const body = buildCohereChatRequest(call.request, { stream: true });
  const response = await postJsonForStream(contextOf(clients, call), cohereCall(call, 'v2/chat', body));
  const state = new CohereChatStreamState({ secrets: Object.values(call.secret) });
  const withModel = (event: ChatStreamEvent): ChatStreamEvent =>
    event.type === 'finish' ? { ...event, model: call.request.model } : event;

  for await (const message of readProviderEvents(response, { provider: 'cohere', signal: call.signal })) {
    // Cohere sends no terminator; tolerate an OpenAI-style one from a proxy.
    if (message.data === '[DONE]') continue;
    const event = parseStreamEvent(message.data, message.event);
    if (event) for (const out of state.push(event)) yield withModel(out);
  }
  for (const out of state.end()) yield withModel(out);
}

async function embed(
  clients: UpstreamClients,
  call: ProviderCall<EmbedRequest>,
): Promise<ProviderEmbedResult> {
  const json = await post(clients, call, 'v2/embed', buildCohereEmbedRequest(call.request));
  const result = parseCohereEmbedResponse(json, call.request.inputs.length);
  return { ...result, model: call.request.model };
}

async function rerank(
  clients: UpstreamClients,
  call: ProviderCall<RerankRequest>,
): Promise<ProviderRerankResult> {
  const json = await post(clients, call, 'v2/rerank', buildCohereRerankRequest(call.request));
  const result = parseCohereRerankResponse(json, call.request.documents.length);
  return { ...result, model: call.request.model };
}

/** POSTs to `{baseUrl}/{path}` and returns the JSON answer. */
async function post(clients: UpstreamClients, call: ProviderCall<unknown>, path: string, body: unknown) {
  const { json } = await postJson(contextOf(clients, call), cohereCall(call, path, body));
  return json;
}

/** cohereError knows Cohere's own statuses (402 billing, 498 invalid token, 499 cancelled). */
function contextOf(clients: UpstreamClients, call: ProviderCall<unknown>): ProviderContext {
  return { provider: 'cohere', clients, secret: call.secret, errorOf: cohereError };
}

function cohereCall(call: ProviderCall<unknown>, path: string, body: unknown): JsonPost {
  return {
    url: joinUrl(cohereBaseUrl(call.config), path),
    headers: cohereHeaders(call.secret),
    body,
    signal: call.signal,
  };
}

/** The event's JSON payload; its `type` names it (the SSE event name is the fallback). */
function parseStreamEvent(data: string, name: string | undefined): CohereStreamEvent | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    throw new ProviderError('error', 'cohere', 'a stream event is not valid JSON');
  }
  if (!isRecord(parsed)) return undefined;
  const type = typeof parsed.type === 'string' ? parsed.type : name;
  return type ? ({ ...parsed, type } as CohereStreamEvent) : undefined;
}

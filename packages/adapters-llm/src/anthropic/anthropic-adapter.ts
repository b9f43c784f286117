import {
  ProviderError,
  type ChatRequest,
  type ChatStreamEvent,
  type ProviderAdapter,
  type ProviderCall,
  type ProviderChatResult,
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
import type { AnthropicMessagesRequest, AnthropicStreamEvent } from './anthropic-api.js';
import { anthropicHttpError } from './anthropic-error.js';
import { anthropicBaseUrl, anthropicHeaders } from './anthropic-request-config.js';
import { anthropicSpec } from './anthropic-spec.js';
import { AnthropicStreamState } from './anthropic-stream-state.js';
import { createAnthropicVerifier } from './anthropic-verifier.js';
import { buildAnthropicRequest } from './build-anthropic-request.js';
import { parseAnthropicResponse } from './parse-anthropic-response.js';

export interface AnthropicAdapterDeps {
  readonly clients: UpstreamClients;
  /** Bounds a verification's wait for headers and between body chunks. */
  readonly timeoutMs: number;
}

/**
 * The Anthropic Messages API adapter: verification, chat and streamed chat. It only composes the
 * pure pieces beside it (request building, response and stream parsing, error mapping) with the
 * shared HTTP helpers.
 */
export function createAnthropicAdapter(deps: AnthropicAdapterDeps): ProviderAdapter {
  return {
    spec: anthropicSpec,
    verify: createAnthropicVerifier(deps),
    chat: (call) => chat(deps.clients, call),
    streamChat: (call) => streamChat(deps.clients, call),
  };
}

async function chat(clients: UpstreamClients, call: ProviderCall<ChatRequest>): Promise<ProviderChatResult> {
  const { json } = await postJson(
    contextOf(clients, call),
    messagesPost(call, buildAnthropicRequest(call.request)),
  );
  return parseAnthropicResponse(json, secretsOf(call));
}

async function* streamChat(
  clients: UpstreamClients,
  call: ProviderCall<ChatRequest>,
): AsyncGenerator<ChatStreamEvent> {
  const body = buildAnthropicRequest(call.request, { stream: true });
  const response = await postJsonForStream(contextOf(clients, call), messagesPost(call, body));
  const state = new AnthropicStreamState(secretsOf(call));
  for await (const message of readProviderEvents(response, { provider: 'anthropic', signal: call.signal })) {
    yield* state.push(streamEventOf(message.data, message.event));
  }
  yield* state.end();
}

/** A non-2xx answer is thrown as Anthropic's error. */
function contextOf(clients: UpstreamClients, call: ProviderCall<unknown>): ProviderContext {
  return { provider: 'anthropic', clients, secret: call.secret, errorOf: anthropicHttpError };
}

/** A POST to `{baseUrl}/messages`. */
function messagesPost(call: ProviderCall<ChatRequest>, body: AnthropicMessagesRequest): JsonPost {
  return {
    url: joinUrl(anthropicBaseUrl(call.config), 'messages'),
    headers: anthropicHeaders(call.secret),
    body,
    signal: call.signal,
  };
}

/** The parsed `data:` of one event; its `type` falls back on the SSE event name. */
function streamEventOf(data: string, eventName: string | undefined): AnthropicStreamEvent {
  let payload: unknown;
  try {
    payload = JSON.parse(data);
  } catch {
    throw new ProviderError('error', 'anthropic', 'a stream event is not valid JSON');
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw new ProviderError('error', 'anthropic', 'a stream event is not a JSON object');
  }
  const event = payload as { type?: unknown };
  if (typeof event.type !== 'string' && eventName)
    return { ...event, type: eventName } as AnthropicStreamEvent;
  return event as AnthropicStreamEvent;
}

function secretsOf(call: ProviderCall<unknown>): string[] {
  return Object.values(call.secret);
}

import {
  ProviderError,
  type ChatRequest,
  type ChatStreamEvent,
  type ProviderAdapter,
  type ProviderCall,
  type ProviderChatResult,
} from '@integration-api/core';
import { providerErrorFromThrown } from '../http/provider-error.js';
import { readProviderEvents } from '../http/provider-event-stream.js';
import { readBodyText } from '../http/read-body.js';
import { readJsonResponse } from '../http/send-provider-request.js';
import type { UpstreamClients, UpstreamResponse } from '../http/upstream-clients.js';
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
  const response = await postMessages(clients, call, buildAnthropicRequest(call.request), 'application/json');
  const body = await readJsonResponse('anthropic', response, call.signal);
  return parseAnthropicResponse(body, secretsOf(call));
}

async function* streamChat(
  clients: UpstreamClients,
  call: ProviderCall<ChatRequest>,
): AsyncGenerator<ChatStreamEvent> {
  const body = buildAnthropicRequest(call.request, { stream: true });
  const response = await postMessages(clients, call, body, 'text/event-stream');
  const state = new AnthropicStreamState(secretsOf(call));
  for await (const message of readProviderEvents(response, { provider: 'anthropic', signal: call.signal })) {
    yield* state.push(streamEventOf(message.data, message.event));
  }
  yield* state.end();
}

/** POSTs to `{baseUrl}/messages`; a non-2xx answer is thrown as Anthropic's error. */
async function postMessages(
  clients: UpstreamClients,
  call: ProviderCall<ChatRequest>,
  body: AnthropicMessagesRequest,
  accept: string,
): Promise<UpstreamResponse> {
  const headers = { ...anthropicHeaders(call.secret), 'content-type': 'application/json', accept };
  let response: UpstreamResponse;
  try {
    response = await clients.request({
      method: 'POST',
      url: joinUrl(anthropicBaseUrl(call.config), 'messages'),
      headers,
      body: JSON.stringify(body),
      signal: call.signal,
    });
  } catch (error) {
    throw providerErrorFromThrown('anthropic', error, call.signal);
  }
  if (response.statusCode >= 200 && response.statusCode < 300) return response;

  let bodyText: string;
  try {
    bodyText = await readBodyText(response.body);
  } catch (error) {
    throw providerErrorFromThrown('anthropic', error, call.signal);
  }
  throw anthropicHttpError({
    status: response.statusCode,
    headers: response.headers,
    bodyText,
    secrets: secretsOf(call),
  });
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

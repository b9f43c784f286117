import {
  ProviderError,
  type ChatRequest,
  type ChatStreamEvent,
  type ProviderChatResult,
  type ProviderId,
} from '@integration-api/core';
import { providerErrorFromThrown } from '../http/provider-error.js';
import { readProviderEvents } from '../http/provider-event-stream.js';
import { readBodyText } from '../http/read-body.js';
import { readJsonResponse } from '../http/send-provider-request.js';
import type { UpstreamClients, UpstreamResponse } from '../http/upstream-clients.js';
import { buildGoogleRequest } from './build-google-request.js';
import type { GoogleGenerateContentResponse } from './google-api.js';
import { googleProviderError } from './google-error.js';
import { GoogleStreamState } from './google-stream-state.js';
import { parseGoogleResponse } from './parse-google-response.js';

/** One call to a Google endpoint with an opened credential. */
export interface GoogleCallContext {
  readonly provider: ProviderId;
  readonly clients: UpstreamClients;
  /** Values scrubbed from every message taken from Google (the key, the token…). */
  readonly secrets: readonly string[];
  readonly signal?: AbortSignal;
}

/** Where a request goes and how it authenticates: the only difference between the Gemini API and Vertex. */
export interface GoogleTarget {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * POSTs a JSON body and returns the 2xx response; any other status is read (bounded) and thrown
 * as Google's error (classifyGoogleFailure), network failures as ProviderError, the caller's
 * abort as CancelledError.
 */
export async function postToGoogle(
  context: GoogleCallContext,
  target: GoogleTarget,
  body: unknown,
  accept: 'application/json' | 'text/event-stream',
): Promise<UpstreamResponse> {
  const { provider, clients, signal } = context;
  let response: UpstreamResponse;
  try {
    response = await clients.request({
      method: 'POST',
      url: target.url,
      headers: { ...target.headers, 'content-type': 'application/json', accept },
      body: JSON.stringify(body),
      signal,
    });
  } catch (error) {
    throw providerErrorFromThrown(provider, error, signal);
  }
  if (response.statusCode >= 200 && response.statusCode < 300) return response;
  let bodyText: string;
  try {
    bodyText = await readBodyText(response.body);
  } catch (error) {
    throw providerErrorFromThrown(provider, error, signal);
  }
  throw googleProviderError(provider, {
    status: response.statusCode,
    headers: response.headers,
    bodyText,
    secrets: context.secrets,
  });
}

/** POSTs a JSON body and returns Google's parsed JSON answer. */
export async function postJsonToGoogle(
  context: GoogleCallContext,
  target: GoogleTarget,
  body: unknown,
): Promise<unknown> {
  const response = await postToGoogle(context, target, body, 'application/json');
  return readJsonResponse(context.provider, response, context.signal);
}

/** `:generateContent` for a chat request. */
export async function googleChat(
  context: GoogleCallContext,
  target: GoogleTarget,
  request: ChatRequest,
): Promise<ProviderChatResult> {
  const answer = await postJsonToGoogle(context, target, buildGoogleRequest(request));
  return parseGoogleResponse(context.provider, answer, context.secrets);
}

/**
 * `:streamGenerateContent?alt=sse` for a chat request: each `data:` line is one chunk; the stream
 * is over after the chunk with the finish reason and the end of the body (there is no [DONE]).
 */
export async function* googleStreamChat(
  context: GoogleCallContext,
  target: GoogleTarget,
  request: ChatRequest,
): AsyncGenerator<ChatStreamEvent> {
  const response = await postToGoogle(context, target, buildGoogleRequest(request), 'text/event-stream');
  const state = new GoogleStreamState(context.provider, context.secrets);
  const events = readProviderEvents(response, {
    provider: context.provider,
    signal: context.signal,
    endMarker: 'the chunk with the finish reason',
  });
  for await (const event of events) {
    yield* state.push(chunkOf(context.provider, event.data));
  }
  yield* state.end();
}

function chunkOf(provider: ProviderId, data: string): GoogleGenerateContentResponse {
  let chunk: unknown;
  try {
    chunk = JSON.parse(data);
  } catch {
    throw new ProviderError('error', provider, 'a stream chunk is not valid JSON');
  }
  if (typeof chunk !== 'object' || chunk === null || Array.isArray(chunk)) {
    throw new ProviderError('error', provider, 'a stream chunk is not a JSON object');
  }
  return chunk as GoogleGenerateContentResponse;
}

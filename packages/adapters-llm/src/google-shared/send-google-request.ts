import {
  ProviderError,
  type ChatRequest,
  type ChatStreamEvent,
  type ProviderChatResult,
  type ProviderId,
} from '@integration-api/core';
import { readProviderEvents } from '../http/provider-event-stream.js';
import {
  postJson,
  postJsonForStream,
  type JsonPost,
  type ProviderContext,
} from '../http/send-provider-request.js';
import type { UpstreamClients } from '../http/upstream-clients.js';
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

/** POSTs a JSON body and returns Google's parsed JSON answer; a non-2xx answer is thrown as Google's error. */
export async function postJsonToGoogle(
  context: GoogleCallContext,
  target: GoogleTarget,
  body: unknown,
): Promise<unknown> {
  const { json } = await postJson(providerContextOf(context), jsonPost(context, target, body));
  return json;
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
  const response = await postJsonForStream(
    providerContextOf(context),
    jsonPost(context, target, buildGoogleRequest(request)),
  );
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

/** The shared plumbing's context for a Google call: Google's error classification, its secrets. */
function providerContextOf(context: GoogleCallContext): ProviderContext {
  const { provider, clients, secrets } = context;
  return { provider, clients, secret: secrets, errorOf: (input) => googleProviderError(provider, input) };
}

function jsonPost(context: GoogleCallContext, target: GoogleTarget, body: unknown): JsonPost {
  return { url: target.url, headers: target.headers, body, signal: context.signal };
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

import type { IncomingHttpHeaders } from 'node:http';
import { ProviderError, type ProviderId, type SecretPayload } from '@integration-api/core';
import { providerErrorFromThrown, providerErrorOf } from './provider-error.js';
import { BodyTooLargeError, readBodyText, readWholeBodyText } from './read-body.js';
import type { UpstreamClients, UpstreamRequest, UpstreamResponse } from './upstream-clients.js';
import { classifyHttpFailure, type HttpFailureInput } from './upstream-failure.js';

/** A provider's reading of a non-2xx answer (its error body format, its own statuses) as the error to throw. */
export type ProviderHttpErrorOf = (input: HttpFailureInput) => ProviderError;

/** Who is being called, with which credential: enough to send a request and explain its failure. */
export interface ProviderContext {
  readonly provider: ProviderId;
  readonly clients: UpstreamClients;
  /**
   * The call's secret, or every value to scrub when there are more (an access token derived from
   * it); none of its values reaches a message taken from the provider.
   */
  readonly secret: SecretPayload | readonly string[];
  /** Reads a non-2xx answer in the provider's terms; by default the shared classifyHttpFailure. */
  readonly errorOf?: ProviderHttpErrorOf;
}

/** Non-streamed answers are read whole up to this size (a large embedding batch fits). */
export const JSON_BODY_LIMIT_BYTES = 256 * 1024 * 1024;

/**
 * Sends one request and returns the response when its status is 2xx. Any other status is read
 * (bounded) and thrown as a ProviderError carrying the provider's scrubbed message (through the
 * context's errorOf when it has one); network errors and timeouts are thrown as ProviderError too,
 * and the caller's abort as CancelledError.
 */
export async function sendProviderRequest(
  context: ProviderContext,
  request: UpstreamRequest,
): Promise<UpstreamResponse> {
  const { provider, clients, secret, errorOf = defaultErrorOf(provider) } = context;
  let response: UpstreamResponse;
  try {
    response = await clients.request(request);
  } catch (error) {
    throw providerErrorFromThrown(provider, error, request.signal);
  }
  if (response.statusCode >= 200 && response.statusCode < 300) return response;

  let bodyText: string;
  try {
    bodyText = await readBodyText(response.body);
  } catch (error) {
    throw providerErrorFromThrown(provider, error, request.signal);
  }
  throw errorOf({
    status: response.statusCode,
    headers: response.headers,
    bodyText,
    secrets: Object.values(secret),
  });
}

function defaultErrorOf(provider: ProviderId): ProviderHttpErrorOf {
  return (input) => providerErrorOf(provider, classifyHttpFailure(input));
}

/** Reads a 2xx response's JSON body; a body that is not JSON is the provider's error. */
export async function readJsonResponse(
  provider: ProviderId,
  response: UpstreamResponse,
  signal?: AbortSignal,
): Promise<unknown> {
  let text: string;
  try {
    text = await readWholeBodyText(response.body, JSON_BODY_LIMIT_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      throw new ProviderError('error', provider, `the answer is larger than ${error.limitBytes} bytes`);
    }
    throw providerErrorFromThrown(provider, error, signal);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ProviderError('error', provider, 'the answer is not valid JSON');
  }
}

/** A JSON POST: where, with which headers (content type and accept are added), and what. */
export interface JsonPost {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
  readonly signal?: AbortSignal;
}

/** POSTs a JSON body and returns the parsed JSON answer with the response headers. */
export async function postJson(
  context: ProviderContext,
  request: JsonPost,
): Promise<{ readonly json: unknown; readonly headers: IncomingHttpHeaders }> {
  const response = await sendProviderRequest(context, jsonPost(request, 'application/json'));
  const json = await readJsonResponse(context.provider, response, request.signal);
  return { json, headers: response.headers };
}

/** POSTs a JSON body asking for a streamed answer (server-sent events) and returns the 2xx response. */
export function postJsonForStream(context: ProviderContext, request: JsonPost): Promise<UpstreamResponse> {
  return sendProviderRequest(context, jsonPost(request, 'text/event-stream'));
}

function jsonPost(request: JsonPost, accept: string): UpstreamRequest {
  return {
    method: 'POST',
    url: request.url,
    headers: { ...request.headers, 'content-type': 'application/json', accept },
    body: JSON.stringify(request.body),
    signal: request.signal,
  };
}

/** The first of `names` the response carries, e.g. the provider's request id. */
export function firstHeader(headers: IncomingHttpHeaders, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = headers[name];
    const single = Array.isArray(value) ? value[0] : value;
    if (single) return single;
  }
  return undefined;
}

import type { SecretPayload } from '@integration-api/core';
import { providerErrorFromThrown } from '../http/provider-error.js';
import { readBodyText } from '../http/read-body.js';
import type { UpstreamClients, UpstreamRequest, UpstreamResponse } from '../http/upstream-clients.js';
import { cohereError } from './cohere-error.js';

/**
 * Sends one request to Cohere and returns the response when its status is 2xx. Like the shared
 * sendProviderRequest, except that other statuses go through cohereError, which knows Cohere's
 * own codes (402 billing, 498 invalid token, 499 cancelled).
 */
export async function sendCohereRequest(
  clients: UpstreamClients,
  secret: SecretPayload,
  request: UpstreamRequest,
): Promise<UpstreamResponse> {
  let response: UpstreamResponse;
  try {
    response = await clients.request(request);
  } catch (error) {
    throw providerErrorFromThrown('cohere', error, request.signal);
  }
  if (response.statusCode >= 200 && response.statusCode < 300) return response;
  let bodyText: string;
  try {
    bodyText = await readBodyText(response.body);
  } catch (error) {
    throw providerErrorFromThrown('cohere', error, request.signal);
  }
  throw cohereError({
    status: response.statusCode,
    bodyText,
    secrets: Object.values(secret),
    headers: response.headers,
  });
}

import type { SecretPayload } from '@integration-api/core';
import { providerErrorFromThrown } from '../http/provider-error.js';
import { readBodyText } from '../http/read-body.js';
import type { UpstreamClients, UpstreamRequest, UpstreamResponse } from '../http/upstream-clients.js';
import { replicateHttpError } from './replicate-error.js';

/**
 * Sends one request to Replicate and returns the response when its status is 2xx. Like the
 * shared sendProviderRequest, except that other statuses go through replicateHttpError, which
 * reads problem details (the invalid fields of a 422) and knows 402.
 */
export async function sendReplicateRequest(
  clients: UpstreamClients,
  secret: SecretPayload,
  request: UpstreamRequest,
): Promise<UpstreamResponse> {
  let response: UpstreamResponse;
  try {
    response = await clients.request(request);
  } catch (error) {
    throw providerErrorFromThrown('replicate', error, request.signal);
  }
  if (response.statusCode >= 200 && response.statusCode < 300) return response;
  let bodyText: string;
  try {
    bodyText = await readBodyText(response.body);
  } catch (error) {
    throw providerErrorFromThrown('replicate', error, request.signal);
  }
  throw replicateHttpError({
    status: response.statusCode,
    headers: response.headers,
    bodyText,
    secrets: Object.values(secret),
  });
}

import { readBodyText } from '../http/read-body.js';
import type { UpstreamClients } from '../http/upstream-clients.js';
import type { FetchToken } from './google-vertex-access-token.js';

/**
 * The token endpoint call of GoogleVertexAccessTokens on the service's upstream clients (so the
 * private-address guard and connection pools apply to a configured `tokenUrl` too), bounded by
 * `timeoutMs` for the headers and between body chunks. The answer is read up to 64 KiB.
 */
export function createUpstreamFetchToken(clients: UpstreamClients, timeoutMs: number): FetchToken {
  return async (url, body, signal) => {
    const response = await clients.request({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body,
      signal,
      headersTimeoutMs: timeoutMs,
      bodyTimeoutMs: timeoutMs,
    });
    return { status: response.statusCode, bodyText: await readBodyText(response.body) };
  };
}

import { ProviderError } from '@integration-api/core';

/**
 * Checks the `urls.stream` of a prediction before the token is sent there. Replicate serves
 * streams from another host than the API (`streaming.api.replicate.com`), so the host cannot be
 * pinned; but the token only ever travels over https, or to the API root's own origin (a local
 * proxy or test server on plain http). The connector's private-address guard still applies.
 */
export function replicateStreamUrl(streamUrl: string, baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(streamUrl);
  } catch {
    throw new ProviderError('error', 'replicate', 'the prediction has an invalid stream URL');
  }
  if (url.protocol === 'https:' || url.origin === new URL(baseUrl).origin) return url.toString();
  throw new ProviderError('error', 'replicate', 'the prediction offers a stream URL that is not https');
}

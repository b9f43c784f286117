import { ProviderError, type ProviderId } from '@integration-api/core';
import { providerErrorFromThrown } from './provider-error.js';
import { parseServerSentEvents, SseEventTooLargeError, type ServerSentEvent } from './sse-reader.js';
import type { UpstreamResponse } from './upstream-clients.js';

export interface ProviderEventStreamOptions {
  readonly provider: ProviderId;
  /** The call's signal, also given to the request: its abort ends the stream as a cancellation. */
  readonly signal?: AbortSignal;
  /** How the provider marks the end (`[DONE]`, `message_stop`), named when the stream breaks off. */
  readonly endMarker?: string;
}

/**
 * The server-sent events of a provider's 2xx streamed answer. Failures are thrown in the port's
 * terms: the idle timeout between chunks (undici's bodyTimeout) as ProviderError `timeout`, a
 * connection that breaks off as `unavailable`, the caller's abort as CancelledError. A consumer
 * that stops early (break, return, a thrown error) destroys the body, which closes the upstream
 * connection: nobody reads the rest, so the provider should stop generating.
 */
export async function* readProviderEvents(
  response: UpstreamResponse,
  options: ProviderEventStreamOptions,
): AsyncGenerator<ServerSentEvent> {
  const { provider, signal, endMarker } = options;
  const body = response.body;
  try {
    for await (const event of parseServerSentEvents(body)) yield event;
  } catch (error) {
    if (error instanceof SseEventTooLargeError) throw new ProviderError('error', provider, error.message);
    const failure = providerErrorFromThrown(provider, error, signal);
    if (failure instanceof ProviderError && failure.kind === 'unavailable') {
      const cut = endMarker ? `the stream ended before ${endMarker}` : 'the stream broke off';
      throw new ProviderError('unavailable', provider, `${cut}: ${stripProvider(failure, provider)}`);
    }
    throw failure;
  } finally {
    // A body read to its end already gave its connection back; one left unread must not hold it.
    if (!body.readableEnded && !body.destroyed) body.destroy();
  }
}

function stripProvider(error: ProviderError, provider: ProviderId): string {
  const prefix = `${provider}: `;
  return error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
}

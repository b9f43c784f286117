import { ProviderError, type ProviderId } from '@integration-api/core';
import { messageWithoutProvider, providerErrorFromThrown } from './provider-error.js';
import { parseServerSentEvents, SseEventTooLargeError, type ServerSentEvent } from './sse-reader.js';
import type { UpstreamResponse } from './upstream-clients.js';

export interface ProviderEventStreamOptions {
  readonly provider: ProviderId;
  /** The call's signal, also given to the request: its abort ends the stream as a cancellation. */
  readonly signal?: AbortSignal;
  /** How the provider marks the end (`[DONE]`, `message_stop`), named when the stream breaks off. */
  readonly endMarker?: string;
}

/** Turns a streamed body into the provider's events; it throws ProviderErrors for what the stream says. */
export type ProviderStreamDecoder<T> = (body: AsyncIterable<Uint8Array>) => AsyncIterable<T>;

export interface ProviderStreamOptions extends ProviderEventStreamOptions {
  /** Maps the decoder's own failures that are the provider's error whatever else happened. */
  readonly decoderError?: (error: unknown) => ProviderError | undefined;
}

/**
 * The server-sent events of a provider's 2xx streamed answer (see readProviderStream). An event
 * too large to buffer is the provider's error.
 */
export function readProviderEvents(
  response: UpstreamResponse,
  options: ProviderEventStreamOptions,
): AsyncGenerator<ServerSentEvent> {
  return readProviderStream(response, parseServerSentEvents, {
    ...options,
    decoderError: (error) =>
      error instanceof SseEventTooLargeError
        ? new ProviderError('error', options.provider, error.message)
        : undefined,
  });
}

/**
 * The events `decode` finds in a provider's 2xx streamed answer (server-sent events, AWS
 * event-stream frames). Failures are thrown in the port's terms: the decoder's own ProviderErrors
 * as they are, the idle timeout between chunks (undici's bodyTimeout) as ProviderError `timeout`,
 * a connection that breaks off as `unavailable`, the caller's abort as CancelledError. A consumer
 * that stops early (break, return, a thrown error) destroys the body, which closes the upstream
 * connection: nobody reads the rest, so the provider should stop generating.
 */
export async function* readProviderStream<T>(
  response: UpstreamResponse,
  decode: ProviderStreamDecoder<T>,
  options: ProviderStreamOptions,
): AsyncGenerator<T> {
  const { provider, signal, endMarker, decoderError } = options;
  const body = response.body;
  try {
    yield* decode(body as AsyncIterable<Uint8Array>);
  } catch (error) {
    const own = decoderError?.(error);
    if (own) throw own;
    const failure = providerErrorFromThrown(provider, error, signal);
    if (
      failure instanceof ProviderError &&
      failure.kind === 'unavailable' &&
      !(error instanceof ProviderError)
    ) {
      const cut = endMarker ? `the stream ended before ${endMarker}` : 'the stream broke off';
      throw new ProviderError(
        'unavailable',
        provider,
        `${cut}: ${messageWithoutProvider(failure, provider)}`,
      );
    }
    throw failure;
  } finally {
    // A body read to its end already gave its connection back; one left unread must not hold it.
    if (!body.readableEnded && !body.destroyed) body.destroy();
  }
}

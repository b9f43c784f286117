import { ProviderError } from '@integration-api/core';
import { providerErrorFromThrown } from '../http/provider-error.js';
import type { UpstreamResponse } from '../http/upstream-clients.js';
import type { AwsBedrockStreamEvent } from './aws-bedrock-api.js';
import { AWS_BEDROCK_PROVIDER } from './aws-bedrock-error.js';
import { decodeAwsBedrockEventStream } from './aws-bedrock-event-stream-decoder.js';

export interface ReadAwsBedrockEventsOptions {
  /** The call's signal, also given to the request: its abort ends the stream as a cancellation. */
  readonly signal?: AbortSignal;
  /** The credential's secret values, scrubbed from exception messages. */
  readonly secrets: readonly string[];
}

/**
 * The events of a 2xx ConverseStream answer, in the port's failure terms (as the shared SSE
 * reader gives them for other providers): exceptions and corrupt frames are ProviderErrors, the
 * idle timeout between chunks is `timeout`, a connection that breaks off `unavailable`, the
 * caller's abort a CancelledError. A consumer that stops early destroys the body, which closes the
 * upstream connection, so Bedrock stops generating.
 */
export async function* readAwsBedrockEvents(
  response: UpstreamResponse,
  options: ReadAwsBedrockEventsOptions,
): AsyncGenerator<AwsBedrockStreamEvent> {
  const body = response.body;
  try {
    yield* decodeAwsBedrockEventStream(body as AsyncIterable<Uint8Array>, options.secrets);
  } catch (error) {
    const failure = providerErrorFromThrown(AWS_BEDROCK_PROVIDER, error, options.signal);
    if (
      failure instanceof ProviderError &&
      failure.kind === 'unavailable' &&
      !(error instanceof ProviderError)
    ) {
      throw new ProviderError(
        'unavailable',
        AWS_BEDROCK_PROVIDER,
        `the stream broke off: ${unprefixed(failure)}`,
      );
    }
    throw failure;
  } finally {
    // A body read to its end already gave its connection back; one left unread must not hold it.
    if (!body.readableEnded && !body.destroyed) body.destroy();
  }
}

/** A ProviderError's message without the `aws-bedrock: ` its constructor put in front. */
export function unprefixed(error: ProviderError): string {
  const prefix = `${AWS_BEDROCK_PROVIDER}: `;
  return error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
}

import { awsEventStreamCodec } from './aws-bedrock-event-stream-codec.js';

/**
 * Builds ConverseStream wire frames, for tests and the mock server: the adapter itself only
 * decodes. It lives beside the decoder (not under `src/testing/`) so both share one codec and the
 * decoder's tests can round-trip through it.
 */

/** One frame with string headers and a payload. */
export function encodeAwsEventStreamMessage(
  headers: Readonly<Record<string, string>>,
  body: string | Uint8Array,
): Uint8Array {
  const tagged = Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name, { type: 'string' as const, value }]),
  );
  return awsEventStreamCodec.encode({
    headers: tagged,
    body: typeof body === 'string' ? new TextEncoder().encode(body) : body,
  });
}

/** An event frame (`:message-type: event`) with a JSON payload, as Bedrock sends it. */
export function encodeAwsBedrockEvent(eventType: string, payload: unknown): Uint8Array {
  return encodeAwsEventStreamMessage(
    { ':event-type': eventType, ':content-type': 'application/json', ':message-type': 'event' },
    JSON.stringify(payload),
  );
}

/** An exception frame (`:message-type: exception`), e.g. `throttlingException` with `{message}`. */
export function encodeAwsBedrockException(exceptionType: string, message: string): Uint8Array {
  return encodeAwsEventStreamMessage(
    { ':exception-type': exceptionType, ':content-type': 'application/json', ':message-type': 'exception' },
    JSON.stringify({ message }),
  );
}

/**
 * Frames for a recorded stream in the `.chunks.txt` form: one `{"<event-type>": payload}` object
 * per line. Returns one frame per line, in order.
 */
export function encodeAwsBedrockChunksText(text: string): Uint8Array[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const wrapped = JSON.parse(line) as Record<string, unknown>;
      const [eventType, payload] = Object.entries(wrapped)[0]!;
      return encodeAwsBedrockEvent(eventType, payload);
    });
}

import { createParser } from 'eventsource-parser';

/** One server-sent event. `event` is absent when the server named none. */
export interface ServerSentEvent {
  readonly event?: string;
  readonly data: string;
  readonly id?: string;
}

/** Longest event (or unterminated line) kept in memory before the stream is refused. */
export const MAX_SSE_EVENT_CHARS = 16 * 1024 * 1024;

/** The stream sent an event or line longer than the parser may buffer. */
export class SseEventTooLargeError extends Error {
  constructor(readonly limitChars: number) {
    super(`a stream event exceeds ${limitChars} characters`);
    this.name = 'SseEventTooLargeError';
  }
}

/**
 * Decodes a byte stream of server-sent events: chunks may split lines, events and UTF-8
 * characters anywhere; LF, CRLF and CR line ends, multi-line `data:` and comment lines
 * (keep-alives such as `: ping`) are handled by eventsource-parser. When the stream ends, an
 * event missing only its closing blank line is still delivered, so a final `data: [DONE]` without
 * it counts. Errors of the source are thrown as they are.
 */
export async function* parseServerSentEvents(
  chunks: AsyncIterable<Uint8Array | string>,
  options: { readonly maxEventChars?: number } = {},
): AsyncGenerator<ServerSentEvent> {
  const limit = options.maxEventChars ?? MAX_SSE_EVENT_CHARS;
  let pending: ServerSentEvent[] = [];
  let overflow = false;
  const parser = createParser({
    maxBufferSize: limit,
    onEvent: ({ event, data, id }) => {
      pending.push({ data, ...(event !== undefined ? { event } : {}), ...(id !== undefined ? { id } : {}) });
    },
    onError: (error) => {
      // Unknown fields and bad `retry:` values are ignorable; an unbounded event is not.
      if (error.type === 'max-buffer-size-exceeded') overflow = true;
    },
  });
  const decoder = new TextDecoder();
  const take = (): ServerSentEvent[] => {
    if (overflow) throw new SseEventTooLargeError(limit);
    const events = pending;
    pending = [];
    return events;
  };

  for await (const chunk of chunks) {
    parser.feed(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    yield* take();
  }
  parser.feed(`${decoder.decode()}\n\n`);
  yield* take();
}

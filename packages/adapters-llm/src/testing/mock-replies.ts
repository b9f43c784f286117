import type { OutgoingHttpHeaders } from 'node:http';
import type { MockHandler } from './mock-provider-server.js';

/** Answers with a JSON body. */
export function json(status: number, body: unknown, headers: OutgoingHttpHeaders = {}): MockHandler {
  return (_request, response) => {
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.end(JSON.stringify(body));
  };
}

/** Answers with a text body. */
export function text(status: number, body: string, headers: OutgoingHttpHeaders = {}): MockHandler {
  return (_request, response) => {
    response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
    response.end(body);
  };
}

/** Never answers: the request stays open until the client gives up or the server closes. */
export function hang(): MockHandler {
  return () => undefined;
}

/** Sends the status and headers, then goes silent: exercises the client's body (idle) timeout. */
export function headersThenHang(status: number, headers: OutgoingHttpHeaders = {}): MockHandler {
  return (_request, response) => {
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.flushHeaders();
  };
}

/** Waits `ms`, then lets `handler` answer (unless the client left meanwhile). */
export function delay(ms: number, handler: MockHandler): MockHandler {
  return async (request, response, context) => {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      context.signal.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    if (!context.signal.aborted) await handler(request, response, context);
  };
}

/** A server-sent event with a name (and optionally an id), for formats that use them (Anthropic, Cohere). */
export class SseMessage {
  constructor(
    readonly event: string | undefined,
    /** Sent as is when a string, as JSON otherwise. */
    readonly data: unknown,
    readonly id?: string,
  ) {}
}

/** `event: <name>` + `data: <json>`. */
export function namedEvent(event: string, data: unknown): SseMessage {
  return new SseMessage(event, data);
}

export interface SseOptions {
  readonly status?: number;
  readonly headers?: OutgoingHttpHeaders;
  /** Sends `: keep-alive` comment lines before the events and between them. */
  readonly keepAliveComments?: boolean;
  /** Waits this long before each event. */
  readonly delayMs?: number;
  /** Cuts the connection (no end marker, no clean end of the body) after this many events. */
  readonly truncateAfter?: number;
  /** Goes silent after this many events, keeping the connection open (idle timeouts, cancellation). */
  readonly hangAfter?: number;
  /** Ends with `data: [DONE]` (OpenAI-style); default true. */
  readonly done?: boolean;
  /** Line ending of the framing; default LF. */
  readonly lineEnding?: '\n' | '\r\n';
  /** Writes the framed stream in pieces of this many bytes, splitting lines and events. */
  readonly chunkBytes?: number;
}

/**
 * Streams server-sent events. Each item is a payload sent as `data:` (strings as they are,
 * anything else as JSON) or an SseMessage with an event name. Options script the failures a
 * client must survive: keep-alives, slowness, a cut connection, silence, a missing end marker.
 */
export function sse(events: readonly unknown[], options: SseOptions = {}): MockHandler {
  const eol = options.lineEnding ?? '\n';
  const frame = (item: unknown): string => {
    const message = item instanceof SseMessage ? item : new SseMessage(undefined, item);
    const data = typeof message.data === 'string' ? message.data : JSON.stringify(message.data);
    const lines = [
      ...(message.id !== undefined ? [`id: ${message.id}`] : []),
      ...(message.event !== undefined ? [`event: ${message.event}`] : []),
      ...data.split('\n').map((line) => `data: ${line}`),
    ];
    return `${lines.join(eol)}${eol}${eol}`;
  };
  const keepAlive = `: keep-alive${eol}${eol}`;

  return async (_request, response, context) => {
    response.writeHead(options.status ?? 200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      ...options.headers,
    });
    response.flushHeaders();
    const write = (text: string): void => {
      if (!options.chunkBytes) {
        response.write(text);
        return;
      }
      const bytes = Buffer.from(text, 'utf8');
      for (let i = 0; i < bytes.length; i += options.chunkBytes) {
        response.write(bytes.subarray(i, i + options.chunkBytes));
      }
    };
    if (options.keepAliveComments) write(keepAlive);
    for (const [i, item] of events.entries()) {
      if (i === options.truncateAfter) {
        response.destroy();
        return;
      }
      if (i === options.hangAfter) return;
      if (options.delayMs) await pause(options.delayMs, context.signal);
      if (context.signal.aborted) return;
      write(frame(item));
      if (options.keepAliveComments) write(keepAlive);
    }
    if (options.truncateAfter !== undefined && options.truncateAfter >= events.length) {
      response.destroy();
      return;
    }
    if (options.hangAfter !== undefined && options.hangAfter >= events.length) return;
    if (options.done ?? true) write(frame('[DONE]'));
    response.end();
  };
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}

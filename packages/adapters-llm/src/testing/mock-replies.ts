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

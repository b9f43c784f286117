import type { UpstreamResponse } from './upstream-clients.js';

type Body = UpstreamResponse['body'];

/** Error bodies are read only this far: enough for any provider's message, bounded against abuse. */
export const ERROR_BODY_LIMIT_BYTES = 64 * 1024;

/** Reads up to `limitBytes` of a body as UTF-8 and drops the rest (closing the connection if needed). */
export async function readBodyText(body: Body, limitBytes = ERROR_BODY_LIMIT_BYTES): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    const room = limitBytes - size;
    chunks.push(chunk.length > room ? chunk.subarray(0, room) : chunk);
    size += Math.min(chunk.length, room);
    if (size >= limitBytes) {
      body.destroy();
      break;
    }
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Consumes a body nobody needs, so its keep-alive connection goes back to the pool. */
export async function discardBody(body: Body): Promise<void> {
  try {
    await body.dump();
  } catch {
    // The response already told us what we needed; a broken tail only costs the connection.
  }
}

/** Thrown by readWholeBodyText when a body is larger than allowed. */
export class BodyTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`the response body exceeds ${limitBytes} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

/**
 * Reads a whole body as UTF-8; a larger one is dropped and refused rather than cut. Every answer
 * that is not streamed goes through here, so it listens for the stream's events itself rather
 * than building an async iterator per response.
 */
export function readWholeBodyText(body: Body, limitBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const settle = (outcome: () => void) => {
      body.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
      outcome();
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limitBytes) return void chunks.push(chunk);
      settle(() => reject(new BodyTooLargeError(limitBytes)));
      body.destroy();
    };
    const onEnd = () => settle(() => resolve(Buffer.concat(chunks, size).toString('utf8')));
    const onError = (error: unknown) => settle(() => reject(error));
    // Destroyed without an error and before its end: the answer is cut.
    const onClose = () => settle(() => reject(new PrematureCloseError()));
    body.on('data', onData).on('end', onEnd).on('error', onError).on('close', onClose);
  });
}

/** A body that closed before its end without saying why (Node's own code for it). */
class PrematureCloseError extends Error {
  readonly code = 'ERR_STREAM_PREMATURE_CLOSE';
  constructor() {
    super('the response body closed before its end');
    this.name = 'PrematureCloseError';
  }
}

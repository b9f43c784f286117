import { CancelledError } from '@integration-api/core';
import type { FastifyReply } from 'fastify';

/**
 * Aborts when the client goes away before the response is complete, so the upstream call stops
 * with it. It is the response's `close` that says so: the request's fires as soon as the body is read.
 */
export function clientAbortSignal(reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  const response = reply.raw;
  response.once('close', () => {
    if (!response.writableFinished) controller.abort(new CancelledError('the client closed the connection'));
  });
  return controller.signal;
}

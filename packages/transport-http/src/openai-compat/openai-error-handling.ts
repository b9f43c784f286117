import type { FastifyBaseLogger, FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { toOpenAiError, type OpenAiErrorBody, type OpenAiErrorResponse } from './openai-error.js';

/** Logs a failure as the admin API's handler does: faults in full, upstream trouble as a warning. */
export function logFailure(log: FastifyBaseLogger, error: unknown, response: OpenAiErrorResponse): void {
  if (response.unexpected) {
    log.error({ err: error }, 'request failed unexpectedly');
  } else if (response.body.error.code === 'cancelled') {
    log.debug('the client went away; the upstream call was aborted');
  } else if (response.statusCode >= 500) {
    log.warn({ code: response.body.error.code }, response.body.error.message);
  }
}

/** The error handler of the OpenAI-compatible routes: the same decisions, OpenAI's body. */
export function openAiErrorHandler(bodyLimitBytes: number) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const response = toOpenAiError(error, { bodyLimitBytes });
    logFailure(request.log, error, response);
    return reply.code(response.statusCode).headers(response.headers).send(response.body);
  };
}

/** For unknown paths and methods under these routes; the URL is caller input and is not echoed. */
export function openAiNotFound(request: FastifyRequest, reply: FastifyReply) {
  const body: OpenAiErrorBody = {
    error: {
      message: `no route matches ${request.method} on this path`,
      type: 'invalid_request_error',
      param: null,
      code: 'unknown_url',
    },
  };
  return reply.code(404).send(body);
}

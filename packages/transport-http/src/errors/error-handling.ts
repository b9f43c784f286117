import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import { ErrorResponse } from './error-schema.js';
import { errorBody, toHttpError } from './http-error.js';

export interface ErrorHandlingOptions {
  readonly bodyLimitBytes?: number;
}

/**
 * The one error handler and the one not-found handler of the app. Registered without
 * encapsulation so they cover every route, including those of other plugins.
 */
const errorHandlingPlugin: FastifyPluginAsync<ErrorHandlingOptions> = async (app, { bodyLimitBytes }) => {
  app.addSchema(ErrorResponse);

  app.setErrorHandler((error, request, reply) => {
    const response = toHttpError(error, bodyLimitBytes === undefined ? {} : { bodyLimitBytes });
    if (response.unexpected) {
      request.log.error({ err: error }, 'request failed unexpectedly');
    } else if (response.statusCode >= 500) {
      // A dependency refused or was away (provider_unavailable): worth a warning, not a stack.
      request.log.warn({ code: response.body.error.code }, response.body.error.message);
    }
    return reply.code(response.statusCode).headers(response.headers).send(response.body);
  });

  // The router answers an unknown path and a known path with another method alike; neither echoes
  // the URL, which is caller input.
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send(errorBody('not_found', `no route matches ${request.method} on this path`)),
  );
};

export const errorHandling = fp(errorHandlingPlugin, { name: 'error-handling', fastify: '5.x' });

import { UnauthenticatedError, type Authenticator, type Principal } from '@integration-api/core';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { bearerToken } from './bearer-token.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the authentication hook on the routes that require it; null elsewhere. */
    principal: Principal | null;
  }
}

export interface AuthenticationOptions {
  readonly authenticator: Authenticator;
}

/**
 * Authenticates every request of the scope it is registered in, before the body is read. It is
 * not encapsulated, so registering it inside a plugin protects that plugin's siblings only:
 * health and docs live outside that scope.
 */
const authenticationPlugin: FastifyPluginAsync<AuthenticationOptions> = async (app, { authenticator }) => {
  if (!app.hasRequestDecorator('principal')) app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request) => {
    request.principal = await authenticator.authenticate(bearerToken(request.headers.authorization));
  });
};

export const authentication = fp(authenticationPlugin, { name: 'authentication', fastify: '5.x' });

/** The caller of an authenticated route. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new UnauthenticatedError();
  return request.principal;
}

import type { Authenticator, Principal } from '@integration-api/core';
import type { CallContext, ServerMiddleware } from 'nice-grpc';

/** What the auth middleware adds to the call context of the services behind it. */
export interface PrincipalContext {
  readonly principal: Principal;
}

/**
 * Authenticates each call once, from its `authorization: Bearer <token>` metadata, and hands the
 * principal to the service in the call context. A missing or bad token fails with the
 * authenticator's UnauthenticatedError (mapped by the error middleware).
 */
export function createAuthMiddleware(authenticator: Authenticator): ServerMiddleware<PrincipalContext> {
  return async function* authMiddleware(call, context: CallContext) {
    const principal = await authenticator.authenticate(bearerToken(context.metadata.get('authorization')));
    return yield* call.next(call.request, { ...context, principal });
  };
}

/** The token of a `Bearer <token>` header (the scheme is case-insensitive); undefined otherwise. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = header?.match(/^Bearer +(\S+) *$/i);
  return match?.[1];
}

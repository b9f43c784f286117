import type { Principal } from '../tenancy/principal.js';

/** Turns a bearer token into a principal; throws UnauthenticatedError for anything else. */
export interface Authenticator {
  authenticate(bearerToken: string | undefined): Promise<Principal>;
}

import {
  SCOPES,
  UnauthenticatedError,
  isScope,
  type Authenticator,
  type Principal,
  type Scope,
} from '@integration-api/core';
import { SignJWT, errors, jwtVerify } from 'jose';

/**
 * Service tokens: HS256 JWTs. Claims: `sub`, `org` (organization id), `project` (project id) and
 * `scope` (space-separated, as in OAuth 2).
 */
const ALGORITHM = 'HS256';
const ISSUER = 'integration-api';

export class JwtAuthenticator implements Authenticator {
  private readonly key: Uint8Array;

  constructor(secret: string) {
    this.key = new TextEncoder().encode(secret);
  }

  async authenticate(bearerToken: string | undefined): Promise<Principal> {
    if (!bearerToken) throw new UnauthenticatedError();
    try {
      const { payload } = await jwtVerify(bearerToken, this.key, { algorithms: [ALGORITHM], issuer: ISSUER });
      const { sub, org, project, scope } = payload as Record<string, unknown>;
      if (
        typeof sub !== 'string' ||
        typeof org !== 'string' ||
        typeof project !== 'string' ||
        !org ||
        !project
      ) {
        throw new UnauthenticatedError('the token lacks the sub, org or project claim');
      }
      const scopes = typeof scope === 'string' ? scope.split(' ').filter(isScope) : [];
      return { subject: sub, organizationId: org, projectId: project, scopes: new Set(scopes) };
    } catch (error) {
      if (error instanceof UnauthenticatedError) throw error;
      if (error instanceof errors.JWTExpired) throw new UnauthenticatedError('the token has expired');
      throw new UnauthenticatedError('the token is not valid');
    }
  }
}

export interface TokenClaims {
  readonly subject: string;
  readonly organizationId: string;
  readonly projectId: string;
  readonly scopes?: readonly Scope[];
  /** A jose duration such as `1h`, `30d`. */
  readonly expiresIn?: string;
}

export async function mintToken(secret: string, claims: TokenClaims): Promise<string> {
  return new SignJWT({
    org: claims.organizationId,
    project: claims.projectId,
    scope: (claims.scopes ?? SCOPES).join(' '),
  })
    .setProtectedHeader({ alg: ALGORITHM })
    .setSubject(claims.subject)
    .setIssuer(ISSUER)
    .setIssuedAt()
    .setExpirationTime(claims.expiresIn ?? '1h')
    .sign(new TextEncoder().encode(secret));
}

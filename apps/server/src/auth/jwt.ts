import { webcrypto } from 'node:crypto';
import {
  BoundedMap,
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

export interface JwtAuthenticatorOptions {
  /** Verified tokens remembered at most; the oldest goes first. Default 10,000. */
  readonly maxRemembered?: number;
  /** Longest a verified token is remembered, also bounding tokens without `exp`. Default 5 minutes. */
  readonly rememberMs?: number;
  /** Milliseconds since the epoch; tests move it. */
  readonly now?: () => number;
}

/**
 * Verifies service tokens. A callers sends the same token with every request, and verifying one
 * (WebCrypto HMAC, key import, claims) costs more than the rest of an inference call's own work,
 * so a verified token is remembered, by its exact text, until it expires (at most `rememberMs`).
 * Only tokens that passed verification are remembered, and the signing secret never changes
 * while the process runs, so the answer is the one verification would give.
 */
export class JwtAuthenticator implements Authenticator {
  private readonly key: Promise<webcrypto.CryptoKey>;
  private readonly verified: BoundedMap<string, { readonly principal: Principal; readonly until: number }>;
  private readonly rememberMs: number;
  private readonly now: () => number;

  constructor(secret: string, options: JwtAuthenticatorOptions = {}) {
    // Imported once: jose would import a raw key again on every verification.
    this.key = webcrypto.subtle.importKey(
      'raw',
      new TextEncoder().encode(secret),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['verify'],
    );
    this.verified = new BoundedMap(options.maxRemembered ?? 10_000);
    this.rememberMs = options.rememberMs ?? 5 * 60_000;
    this.now = options.now ?? Date.now;
  }

  async authenticate(bearerToken: string | undefined): Promise<Principal> {
    if (!bearerToken) throw new UnauthenticatedError();
    const now = this.now();
    const remembered = this.verified.get(bearerToken);
    if (remembered) {
      if (now < remembered.until) return remembered.principal;
      this.verified.delete(bearerToken);
    }
    const { principal, expiresAt } = await this.verify(bearerToken, now);
    this.verified.set(bearerToken, { principal, until: Math.min(expiresAt, now + this.rememberMs) });
    return principal;
  }

  private async verify(token: string, now: number): Promise<{ principal: Principal; expiresAt: number }> {
    try {
      const { payload } = await jwtVerify(token, await this.key, {
        algorithms: [ALGORITHM],
        issuer: ISSUER,
        currentDate: new Date(now),
      });
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
      return {
        principal: { subject: sub, organizationId: org, projectId: project, scopes: new Set(scopes) },
        // jose accepts a token while the current second is before `exp`.
        expiresAt: payload.exp === undefined ? Infinity : payload.exp * 1000,
      };
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

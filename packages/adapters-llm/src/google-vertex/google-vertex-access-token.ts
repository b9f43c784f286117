import { createHash } from 'node:crypto';
import { CancelledError, ProviderError, type ProviderFailureKind } from '@integration-api/core';
import { SignJWT, importPKCS8 } from 'jose';
import { providerErrorFromThrown } from '../http/provider-error.js';
import { scrubSecrets } from '../http/scrub-secrets.js';
import { parseServiceAccountKey, type ServiceAccountKey } from './parse-service-account-key.js';
import { GOOGLE_VERTEX_DEFAULT_TOKEN_URL } from './google-vertex-spec.js';

export const CLOUD_PLATFORM_SCOPE = 'https://www.googleapis.com/auth/cloud-platform';
const JWT_BEARER_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
const ASSERTION_LIFETIME_SECONDS = 3600;
const PROVIDER = 'google-vertex';

/** The token endpoint's answer, whatever its status. */
export interface TokenEndpointResponse {
  readonly status: number;
  readonly bodyText: string;
}

/**
 * POSTs a form body (`application/x-www-form-urlencoded`) to the token endpoint. Network errors
 * and timeouts are thrown; any HTTP status resolves.
 */
export type FetchToken = (url: string, body: string, signal?: AbortSignal) => Promise<TokenEndpointResponse>;

export interface GoogleVertexAccessTokensOptions {
  readonly fetchToken: FetchToken;
  /** Milliseconds since the epoch; injectable for tests. */
  readonly now?: () => number;
  /** A token is renewed this long before it expires (at most half its lifetime). Default 5 min. */
  readonly refreshBeforeExpiryMs?: number;
  /** Most keys with a cached token; the oldest entry makes room. Default 1000. */
  readonly maxEntries?: number;
}

export interface AccessTokenRequest {
  /** The credential's secret `serviceAccountJson`. */
  readonly serviceAccountJson: string | undefined;
  /** The credential's config `tokenUrl`; default Google's. */
  readonly tokenUrl?: string;
  /** The caller's signal: aborting stops its wait, not an exchange other calls share. */
  readonly signal?: AbortSignal;
}

interface CachedToken {
  readonly accessToken: string;
  /** When to stop handing it out and exchange again. */
  readonly renewAtMs: number;
}

/**
 * OAuth access tokens for service account keys: a JWT signed with the key (RS256; iss = the
 * service account, scope cloud-platform, aud = the token URL, valid one hour) is exchanged at
 * the token endpoint (`grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer`).
 *
 * Tokens are cached in memory only, keyed by a SHA-256 of the token URL and the whole key file
 * text: a rotated key (a new secret version) gets its own token, and the map never holds the key
 * itself. A token is reused until shortly before it expires; concurrent calls for the same key
 * share one in-flight exchange; failed exchanges are not cached.
 *
 * Token endpoint refusals become ProviderError: `invalid_grant` (bad signature, deleted or
 * disabled key, clock skew), `invalid_client`, `unauthorized_client` and other 400/401 →
 * auth_failed; `access_denied`/403 → permission_denied; 429 → rate_limited; 5xx → unavailable.
 */
export class GoogleVertexAccessTokens {
  private readonly cache = new Map<string, CachedToken>();
  private readonly inFlight = new Map<string, Promise<CachedToken>>();
  private readonly now: () => number;
  private readonly refreshBeforeExpiryMs: number;
  private readonly maxEntries: number;

  constructor(private readonly options: GoogleVertexAccessTokensOptions) {
    this.now = options.now ?? Date.now;
    this.refreshBeforeExpiryMs = options.refreshBeforeExpiryMs ?? 5 * 60_000;
    this.maxEntries = options.maxEntries ?? 1000;
  }

  async getToken(request: AccessTokenRequest): Promise<string> {
    const tokenUrl = request.tokenUrl || GOOGLE_VERTEX_DEFAULT_TOKEN_URL;
    const key = parseServiceAccountKey(request.serviceAccountJson);
    const cacheKey = cacheKeyOf(tokenUrl, request.serviceAccountJson!);
    const cached = this.cache.get(cacheKey);
    if (cached && this.now() < cached.renewAtMs) return cached.accessToken;

    let exchange = this.inFlight.get(cacheKey);
    if (!exchange) {
      // Shared by every call for this key until it settles, so no caller's signal is passed on.
      const secrets = [request.serviceAccountJson!, key.privateKey];
      exchange = this.exchange(key, tokenUrl, secrets).then(
        (token) => {
          this.remember(cacheKey, token);
          return token;
        },
        (error: unknown) => {
          this.cache.delete(cacheKey);
          throw error;
        },
      );
      const settled = () => this.inFlight.delete(cacheKey);
      exchange.then(settled, settled);
      this.inFlight.set(cacheKey, exchange);
    }
    return (await waitFor(exchange, request.signal)).accessToken;
  }

  /** Forgets the token of a key, e.g. after Vertex refused it (revoked before it expired). */
  invalidate(request: Pick<AccessTokenRequest, 'serviceAccountJson' | 'tokenUrl'>): void {
    if (!request.serviceAccountJson) return;
    this.cache.delete(
      cacheKeyOf(request.tokenUrl || GOOGLE_VERTEX_DEFAULT_TOKEN_URL, request.serviceAccountJson),
    );
  }

  private async exchange(key: ServiceAccountKey, tokenUrl: string, secrets: string[]): Promise<CachedToken> {
    const issuedAtMs = this.now();
    const assertion = await signAssertion(key, tokenUrl, Math.floor(issuedAtMs / 1000));
    const body = new URLSearchParams({ grant_type: JWT_BEARER_GRANT, assertion }).toString();
    let response: TokenEndpointResponse;
    try {
      response = await this.options.fetchToken(tokenUrl, body);
    } catch (error) {
      throw providerErrorFromThrown(PROVIDER, error);
    }
    if (response.status < 200 || response.status >= 300) {
      throw tokenEndpointError(response.status, response.bodyText, secrets);
    }
    const { accessToken, expiresInSeconds } = readTokenAnswer(response.bodyText);
    const lifetimeMs = expiresInSeconds * 1000;
    const marginMs = Math.min(this.refreshBeforeExpiryMs, lifetimeMs / 2);
    return { accessToken, renewAtMs: issuedAtMs + lifetimeMs - marginMs };
  }

  private remember(cacheKey: string, token: CachedToken): void {
    this.cache.delete(cacheKey);
    const now = this.now();
    for (const [k, entry] of this.cache) if (entry.renewAtMs <= now) this.cache.delete(k);
    while (this.cache.size >= this.maxEntries) {
      const oldest = this.cache.keys().next().value;
      if (oldest === undefined) break;
      this.cache.delete(oldest);
    }
    this.cache.set(cacheKey, token);
  }
}

async function signAssertion(key: ServiceAccountKey, tokenUrl: string, issuedAt: number): Promise<string> {
  let privateKey: Awaited<ReturnType<typeof importPKCS8>>;
  try {
    privateKey = await importPKCS8(key.privateKey, 'RS256');
  } catch {
    throw new ProviderError(
      'auth_failed',
      PROVIDER,
      'the service account key’s private_key is not a PKCS#8 RSA key',
    );
  }
  return new SignJWT({ scope: CLOUD_PLATFORM_SCOPE })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', ...(key.privateKeyId ? { kid: key.privateKeyId } : {}) })
    .setIssuer(key.clientEmail)
    .setAudience(tokenUrl)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + ASSERTION_LIFETIME_SECONDS)
    .sign(privateKey);
}

function readTokenAnswer(bodyText: string): { accessToken: string; expiresInSeconds: number } {
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch {
    body = undefined;
  }
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  if (typeof record.access_token !== 'string' || !record.access_token) {
    throw new ProviderError('error', PROVIDER, 'the token endpoint answered without an access token');
  }
  const expiresIn = Number(record.expires_in);
  return {
    accessToken: record.access_token,
    expiresInSeconds: Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : ASSERTION_LIFETIME_SECONDS,
  };
}

const AUTH_ERRORS: ReadonlySet<string> = new Set([
  'invalid_grant',
  'invalid_client',
  'unauthorized_client',
  'invalid_scope',
]);

/** The token endpoint's OAuth error (`{error, error_description}`) as a ProviderError. */
export function tokenEndpointError(
  status: number,
  bodyText: string,
  secrets: Iterable<string>,
): ProviderError {
  let code: string | undefined;
  let description: string | undefined;
  try {
    const body = JSON.parse(bodyText) as { error?: unknown; error_description?: unknown };
    if (typeof body.error === 'string') code = body.error;
    if (typeof body.error_description === 'string') description = body.error_description;
  } catch {
    // Not JSON: the status decides.
  }
  const detail = [code, description].filter(Boolean).join(': ') || `status ${status}`;
  const message = scrubSecrets(`the token endpoint refused the service account key: ${detail}`, secrets);
  return new ProviderError(tokenFailureKind(status, code), PROVIDER, message, { status });
}

function tokenFailureKind(status: number, code: string | undefined): ProviderFailureKind {
  if (code !== undefined && AUTH_ERRORS.has(code)) return 'auth_failed';
  if (code === 'access_denied' || status === 403) return 'permission_denied';
  if (status === 429) return 'rate_limited';
  if (status === 408 || status === 504) return 'timeout';
  if (status >= 500) return 'unavailable';
  if (status === 400 || status === 401) return 'auth_failed';
  return 'error';
}

function cacheKeyOf(tokenUrl: string, serviceAccountJson: string): string {
  return createHash('sha256').update(tokenUrl).update('\n').update(serviceAccountJson).digest('hex');
}

/** Waits for a shared exchange until the caller's signal aborts. */
function waitFor<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(new CancelledError());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new CancelledError());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

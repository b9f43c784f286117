import { generateKeyPairSync } from 'node:crypto';
import { CancelledError, ProviderError } from '@integration-api/core';
import { decodeProtectedHeader, importSPKI, jwtVerify } from 'jose';
import {
  CLOUD_PLATFORM_SCOPE,
  GoogleVertexAccessTokens,
  tokenEndpointError,
  type FetchToken,
  type TokenEndpointResponse,
} from './google-vertex-access-token.js';

const { privateKey, publicKey } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});
const EMAIL = 'vertex-caller@demo-project.iam.gserviceaccount.com';
const keyFile = (privateKeyId = '4f1c2e3d5a6b') =>
  JSON.stringify({
    type: 'service_account',
    project_id: 'demo-project',
    private_key_id: privateKeyId,
    private_key: privateKey,
    client_email: EMAIL,
    token_uri: 'https://attacker.example/token',
  });
const TOKEN_URL = 'http://127.0.0.1:9/token';

interface Exchange {
  readonly url: string;
  readonly form: URLSearchParams;
}

/** A token endpoint that records each exchange and answers from a script. */
function tokenEndpoint(answer: (n: number) => TokenEndpointResponse | Promise<TokenEndpointResponse>) {
  const exchanges: Exchange[] = [];
  const fetchToken: FetchToken = async (url, body) => {
    exchanges.push({ url, form: new URLSearchParams(body) });
    return answer(exchanges.length);
  };
  return { exchanges, fetchToken };
}
const granted = (n: number, expiresIn = 3599): TokenEndpointResponse => ({
  status: 200,
  bodyText: JSON.stringify({ access_token: `ya29.token-${n}`, expires_in: expiresIn, token_type: 'Bearer' }),
});

describe('GoogleVertexAccessTokens', () => {
  let now: number;
  beforeEach(() => {
    now = Date.UTC(2026, 5, 1, 12, 0, 0);
  });

  it('exchanges a JWT signed with the key for a token at the configured endpoint', async () => {
    const endpoint = tokenEndpoint((n) => granted(n));
    const tokens = new GoogleVertexAccessTokens({ fetchToken: endpoint.fetchToken, now: () => now });

    await expect(tokens.getToken({ serviceAccountJson: keyFile(), tokenUrl: TOKEN_URL })).resolves.toBe(
      'ya29.token-1',
    );

    const [exchange] = endpoint.exchanges;
    expect(exchange!.url).toBe(TOKEN_URL);
    expect(exchange!.form.get('grant_type')).toBe('urn:ietf:params:oauth:grant-type:jwt-bearer');
    const assertion = exchange!.form.get('assertion')!;
    expect(decodeProtectedHeader(assertion)).toEqual({ alg: 'RS256', typ: 'JWT', kid: '4f1c2e3d5a6b' });
    const { payload } = await jwtVerify(assertion, await importSPKI(publicKey, 'RS256'), {
      issuer: EMAIL,
      audience: TOKEN_URL,
      currentDate: new Date(now),
    });
    expect(payload).toEqual({
      iss: EMAIL,
      aud: TOKEN_URL,
      scope: CLOUD_PLATFORM_SCOPE,
      iat: now / 1000,
      exp: now / 1000 + 3600,
    });
  });

  it('uses Google’s token endpoint by default, never the key file’s token_uri', async () => {
    const endpoint = tokenEndpoint((n) => granted(n));
    const tokens = new GoogleVertexAccessTokens({ fetchToken: endpoint.fetchToken, now: () => now });
    await tokens.getToken({ serviceAccountJson: keyFile() });
    expect(endpoint.exchanges[0]!.url).toBe('https://oauth2.googleapis.com/token');
  });

  it('reuses a token until shortly before it expires', async () => {
    const endpoint = tokenEndpoint((n) => granted(n, 3600));
    const tokens = new GoogleVertexAccessTokens({ fetchToken: endpoint.fetchToken, now: () => now });
    const get = () => tokens.getToken({ serviceAccountJson: keyFile(), tokenUrl: TOKEN_URL });

    expect(await get()).toBe('ya29.token-1');
    now += 54 * 60_000;
    expect(await get()).toBe('ya29.token-1');
    now += 60_001; // Within five minutes of the expiry: renew.
    expect(await get()).toBe('ya29.token-2');
    expect(endpoint.exchanges).toHaveLength(2);
  });

  it('renews a short-lived token at half its lifetime', async () => {
    const endpoint = tokenEndpoint((n) => granted(n, 120));
    const tokens = new GoogleVertexAccessTokens({ fetchToken: endpoint.fetchToken, now: () => now });
    const get = () => tokens.getToken({ serviceAccountJson: keyFile(), tokenUrl: TOKEN_URL });
    await get();
    now += 59_000;
    expect(await get()).toBe('ya29.token-1');
    now += 1_000;
    expect(await get()).toBe('ya29.token-2');
  });

  it('keeps one token per key and per secret version', async () => {
    const endpoint = tokenEndpoint((n) => granted(n));
    const tokens = new GoogleVertexAccessTokens({ fetchToken: endpoint.fetchToken, now: () => now });
    expect(await tokens.getToken({ serviceAccountJson: keyFile('v1'), tokenUrl: TOKEN_URL })).toBe(
      'ya29.token-1',
    );
    expect(await tokens.getToken({ serviceAccountJson: keyFile('v2'), tokenUrl: TOKEN_URL })).toBe(
      'ya29.token-2',
    );
    expect(await tokens.getToken({ serviceAccountJson: keyFile('v1'), tokenUrl: TOKEN_URL })).toBe(
      'ya29.token-1',
    );
  });

  it('shares one in-flight exchange between concurrent calls', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const endpoint = tokenEndpoint(async (n) => {
      await gate;
      return granted(n);
    });
    const tokens = new GoogleVertexAccessTokens({ fetchToken: endpoint.fetchToken, now: () => now });
    const calls = Array.from({ length: 5 }, () =>
      tokens.getToken({ serviceAccountJson: keyFile(), tokenUrl: TOKEN_URL }),
    );
    await new Promise((resolve) => setImmediate(resolve));
    release();
    expect(await Promise.all(calls)).toEqual(Array(5).fill('ya29.token-1'));
    expect(endpoint.exchanges).toHaveLength(1);
  });

  it('lets one caller give up without failing the exchange the others wait for', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const endpoint = tokenEndpoint(async (n) => {
      await gate;
      return granted(n);
    });
    const tokens = new GoogleVertexAccessTokens({ fetchToken: endpoint.fetchToken, now: () => now });
    const controller = new AbortController();
    const leaving = tokens.getToken({
      serviceAccountJson: keyFile(),
      tokenUrl: TOKEN_URL,
      signal: controller.signal,
    });
    const staying = tokens.getToken({ serviceAccountJson: keyFile(), tokenUrl: TOKEN_URL });
    controller.abort();
    await expect(leaving).rejects.toBeInstanceOf(CancelledError);
    release();
    await expect(staying).resolves.toBe('ya29.token-1');
  });

  it('maps invalid_grant to auth_failed, scrubbed, and does not cache the failure', async () => {
    const endpoint = tokenEndpoint((n) =>
      n === 1
        ? {
            status: 400,
            bodyText: JSON.stringify({ error: 'invalid_grant', error_description: 'Invalid JWT Signature.' }),
          }
        : granted(n),
    );
    const tokens = new GoogleVertexAccessTokens({ fetchToken: endpoint.fetchToken, now: () => now });
    const get = () => tokens.getToken({ serviceAccountJson: keyFile(), tokenUrl: TOKEN_URL });

    const error = await get().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({
      kind: 'auth_failed',
      message:
        'google-vertex: the token endpoint refused the service account key: invalid_grant: Invalid JWT Signature.',
      details: { status: 400 },
    });
    await expect(get()).resolves.toBe('ya29.token-2');
  });

  it('refuses a key that cannot sign, without calling the endpoint', async () => {
    const endpoint = tokenEndpoint((n) => granted(n));
    const tokens = new GoogleVertexAccessTokens({ fetchToken: endpoint.fetchToken, now: () => now });
    const broken = JSON.stringify({
      type: 'service_account',
      client_email: EMAIL,
      private_key: '-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n',
    });
    await expect(tokens.getToken({ serviceAccountJson: broken, tokenUrl: TOKEN_URL })).rejects.toMatchObject({
      kind: 'auth_failed',
      message: expect.stringContaining('not a PKCS#8 RSA key'),
    });
    await expect(tokens.getToken({ serviceAccountJson: '{}', tokenUrl: TOKEN_URL })).rejects.toMatchObject({
      kind: 'auth_failed',
    });
    expect(endpoint.exchanges).toHaveLength(0);
  });

  it('turns a network failure of the exchange into a ProviderError', async () => {
    const tokens = new GoogleVertexAccessTokens({
      fetchToken: async () => {
        throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
      },
      now: () => now,
    });
    await expect(
      tokens.getToken({ serviceAccountJson: keyFile(), tokenUrl: TOKEN_URL }),
    ).rejects.toMatchObject({
      kind: 'unavailable',
      message: 'google-vertex: connection refused',
    });
  });

  it('refuses an answer without a token', async () => {
    const tokens = new GoogleVertexAccessTokens({
      fetchToken: async () => ({ status: 200, bodyText: '{"token_type":"Bearer"}' }),
      now: () => now,
    });
    await expect(
      tokens.getToken({ serviceAccountJson: keyFile(), tokenUrl: TOKEN_URL }),
    ).rejects.toMatchObject({
      kind: 'error',
      message: 'google-vertex: the token endpoint answered without an access token',
    });
  });

  it('forgets a token on request and makes room for new keys', async () => {
    const endpoint = tokenEndpoint((n) => granted(n));
    const tokens = new GoogleVertexAccessTokens({
      fetchToken: endpoint.fetchToken,
      now: () => now,
      maxEntries: 2,
    });
    const get = (version: string) =>
      tokens.getToken({ serviceAccountJson: keyFile(version), tokenUrl: TOKEN_URL });
    expect(await get('a')).toBe('ya29.token-1');
    tokens.invalidate({ serviceAccountJson: keyFile('a'), tokenUrl: TOKEN_URL });
    expect(await get('a')).toBe('ya29.token-2');
    await get('b');
    await get('c'); // Evicts a, the oldest.
    expect(await get('a')).toBe('ya29.token-5');
  });
});

describe('tokenEndpointError', () => {
  it.each([
    [
      400,
      { error: 'invalid_grant', error_description: 'Invalid JWT: Token must be a short-lived token' },
      'auth_failed',
    ],
    [401, { error: 'invalid_client', error_description: 'The OAuth client was not found.' }, 'auth_failed'],
    [401, { error: 'unauthorized_client' }, 'auth_failed'],
    [403, { error: 'access_denied' }, 'permission_denied'],
    [429, { error: 'rate_limit_exceeded' }, 'rate_limited'],
    [503, {}, 'unavailable'],
  ])('maps %i %j to %s', (status, body, kind) => {
    expect(tokenEndpointError(status, JSON.stringify(body), [])).toMatchObject({ kind, details: { status } });
  });

  it('scrubs the key from an echoed message', () => {
    const error = tokenEndpointError(
      400,
      JSON.stringify({ error: 'invalid_grant', error_description: `bad ${privateKey}` }),
      [privateKey],
    );
    expect(error.message).not.toContain('PRIVATE KEY');
    expect(error.message).toContain('[redacted]');
  });

  it('describes a body that is not JSON by its status', () => {
    expect(tokenEndpointError(502, '<html>', []).message).toBe(
      'google-vertex: the token endpoint refused the service account key: status 502',
    );
  });
});

import { SignJWT } from 'jose';
import { JwtAuthenticator, mintToken } from './jwt.js';

const SECRET = 'a-test-jwt-secret-that-is-long-enough-0123456789';

describe('JwtAuthenticator', () => {
  const authenticator = new JwtAuthenticator(SECRET);

  it('accepts a minted token and reads tenant and scopes', async () => {
    const token = await mintToken(SECRET, {
      subject: 'svc',
      organizationId: 'org-1',
      projectId: 'proj-1',
      scopes: ['credentials:read'],
    });
    const principal = await authenticator.authenticate(token);
    expect(principal).toMatchObject({ subject: 'svc', organizationId: 'org-1', projectId: 'proj-1' });
    expect([...principal.scopes]).toEqual(['credentials:read']);
  });

  it.each([
    ['missing', undefined],
    ['garbage', 'not-a-jwt'],
  ])('refuses a %s token', async (_what, token) => {
    await expect(authenticator.authenticate(token)).rejects.toMatchObject({ code: 'unauthenticated' });
  });

  it('refuses a token signed with another secret', async () => {
    const token = await mintToken('another-secret-that-is-also-long-enough-xyz', {
      subject: 's',
      organizationId: 'o',
      projectId: 'p',
    });
    await expect(authenticator.authenticate(token)).rejects.toMatchObject({ code: 'unauthenticated' });
  });

  it('refuses an expired token', async () => {
    const token = await new SignJWT({ org: 'o', project: 'p', scope: 'inference' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('s')
      .setIssuer('integration-api')
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(new TextEncoder().encode(SECRET));
    await expect(authenticator.authenticate(token)).rejects.toMatchObject({
      message: 'the token has expired',
    });
  });

  it('refuses a token without tenant claims', async () => {
    const token = await new SignJWT({ scope: 'inference' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('s')
      .setIssuer('integration-api')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(SECRET));
    await expect(authenticator.authenticate(token)).rejects.toMatchObject({ code: 'unauthenticated' });
  });

  it('refuses the none algorithm', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
    const body = Buffer.from(
      JSON.stringify({ sub: 's', org: 'o', project: 'p', iss: 'integration-api', exp: 9999999999 }),
    ).toString('base64url');
    await expect(authenticator.authenticate(`${header}.${body}.`)).rejects.toMatchObject({
      code: 'unauthenticated',
    });
  });

  it('remembers a verified token, and refuses it from the second it expires', async () => {
    let now = Date.parse('2030-01-01T00:00:00Z');
    const remembering = new JwtAuthenticator(SECRET, { now: () => now });
    const exp = now / 1000 + 60;
    const token = await new SignJWT({ org: 'o', project: 'p', scope: 'inference' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('s')
      .setIssuer('integration-api')
      .setExpirationTime(exp)
      .sign(new TextEncoder().encode(SECRET));

    const first = await remembering.authenticate(token);
    now += 59_999;
    expect(await remembering.authenticate(token)).toBe(first);
    now += 1;
    await expect(remembering.authenticate(token)).rejects.toMatchObject({ message: 'the token has expired' });
  });

  it('keeps at most the configured number of tokens and still verifies the others', async () => {
    const small = new JwtAuthenticator(SECRET, { maxRemembered: 1 });
    const tokens = await Promise.all(
      ['a', 'b'].map((org) => mintToken(SECRET, { subject: 's', organizationId: org, projectId: 'p' })),
    );
    for (const token of [...tokens, ...tokens]) {
      await expect(small.authenticate(token)).resolves.toMatchObject({ projectId: 'p' });
    }
    await expect(small.authenticate(`${tokens[0]}x`)).rejects.toMatchObject({ code: 'unauthenticated' });
  });
});

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
});

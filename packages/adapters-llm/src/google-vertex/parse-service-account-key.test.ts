import { ProviderError } from '@integration-api/core';
import { parseServiceAccountKey } from './parse-service-account-key.js';

const PEM = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg\n-----END PRIVATE KEY-----\n';
const keyFile = (fields: Record<string, unknown>) =>
  JSON.stringify({
    type: 'service_account',
    project_id: 'demo-project',
    private_key_id: 'b1e2c3d4',
    private_key: PEM,
    client_email: 'vertex@demo-project.iam.gserviceaccount.com',
    token_uri: 'https://oauth2.googleapis.com/token',
    ...fields,
  });

describe('parseServiceAccountKey', () => {
  it('reads the email, the key and its id', () => {
    expect(parseServiceAccountKey(keyFile({}))).toEqual({
      clientEmail: 'vertex@demo-project.iam.gserviceaccount.com',
      privateKey: PEM,
      privateKeyId: 'b1e2c3d4',
    });
  });

  it.each([
    [undefined, 'is missing'],
    ['not json', 'is not JSON'],
    ['[1]', 'is not a JSON object'],
    [keyFile({ type: 'authorized_user' }), 'is of type authorized_user, not service_account'],
    [keyFile({ client_email: undefined }), 'has no client_email'],
    [keyFile({ private_key: 'secret' }), 'has no private_key'],
  ])('refuses %j as an authentication failure', (text, why) => {
    const error = (() => {
      try {
        parseServiceAccountKey(text);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({
      kind: 'auth_failed',
      message: `google-vertex: the service account key ${why}`,
    });
  });

  it('never puts key material in its messages', () => {
    expect(() => parseServiceAccountKey(keyFile({ client_email: 42 }))).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('MIIE') }),
    );
  });
});

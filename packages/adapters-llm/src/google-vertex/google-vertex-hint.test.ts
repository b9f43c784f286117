import { maskSecret } from '@integration-api/core';
import { serviceAccountHint } from './google-vertex-hint.js';

describe('serviceAccountHint', () => {
  const keyFile = JSON.stringify(
    {
      type: 'service_account',
      project_id: 'demo-project',
      private_key_id: '0123456789abcdef0123456789abcdef7c2e',
      private_key: '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n',
      client_email: 'vertex@demo-project.iam.gserviceaccount.com',
    },
    null,
    2,
  );

  it('shows the end of the key id, where the mask of the JSON text shows only punctuation', () => {
    expect(serviceAccountHint(keyFile)).toBe('…7c2e');
    expect(maskSecret(keyFile)).toBe('…m"\n}');
  });

  it('falls back to the plain mask for a file without a key id', () => {
    expect(serviceAccountHint('{"type":"service_account","x":"abcdefgh"}')).toBe(
      maskSecret('{"type":"service_account","x":"abcdefgh"}'),
    );
  });
});

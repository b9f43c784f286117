import type { SealContext } from '@integration-api/core';
import { randomBytes } from 'node:crypto';
import { AesGcmSecretCipher } from './aes-gcm-secret-cipher.js';
import type { KeyRing } from './key-ring.js';
import { SealedValueError } from './sealed-envelope.js';

const context: SealContext = {
  credentialId: '0190d1f4-7c2a-7000-8000-000000000001',
  organizationId: 'org-a',
  projectId: 'proj-a',
  provider: 'openai',
};
const secret = JSON.stringify({ apiKey: 'sk-test-0123456789abcdef' });

function ring(activeKeyId: string, keys: Record<string, Buffer>): KeyRing {
  return { activeKeyId, keys: new Map(Object.entries(keys)) };
}

/** Replaces one dot-separated part of a sealed value. */
function withPart(sealed: string, index: number, change: (part: string) => string): string {
  const parts = sealed.split('.');
  parts[index] = change(parts[index] ?? '');
  return parts.join('.');
}

function flipFirstByte(part: string): string {
  const bytes = Buffer.from(part, 'base64url');
  bytes[0] = (bytes[0] ?? 0) ^ 0x01;
  return bytes.toString('base64url');
}

describe('AesGcmSecretCipher', () => {
  const k1 = randomBytes(32);
  const k2 = randomBytes(32);
  const cipher = new AesGcmSecretCipher(ring('k1', { k1 }));

  it('opens what it sealed, in a versioned self-describing form', () => {
    const { sealed, keyId } = cipher.seal(secret, context);
    expect(keyId).toBe('k1');
    expect(sealed).toMatch(/^v1\.k1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/);
    expect(sealed).not.toContain('sk-test');
    expect(cipher.open(sealed, context)).toBe(secret);
  });

  it('round-trips an empty and a non-ASCII plaintext', () => {
    for (const plaintext of ['', 'clé ✓ 鍵']) {
      expect(cipher.open(cipher.seal(plaintext, context).sealed, context)).toBe(plaintext);
    }
  });

  it('uses a fresh nonce for every seal', () => {
    const a = cipher.seal(secret, context).sealed;
    const b = cipher.seal(secret, context).sealed;
    expect(a).not.toBe(b);
    expect(a.split('.')[2]).not.toBe(b.split('.')[2]);
  });

  it.each([
    ['nonce', 2],
    ['ciphertext', 3],
    ['tag', 4],
  ])('refuses a value whose %s was altered', (_part, index) => {
    const tampered = withPart(cipher.seal(secret, context).sealed, index, flipFirstByte);
    expect(() => cipher.open(tampered, context)).toThrow(SealedValueError);
  });

  it('refuses a value whose key id was rewritten to another configured key', () => {
    const both = new AesGcmSecretCipher(ring('k1', { k1, k2: k1 }));
    const moved = withPart(both.seal(secret, context).sealed, 1, () => 'k2');
    expect(() => both.open(moved, context)).toThrow(/failed authentication/);
  });

  it.each<[string, Partial<SealContext>]>([
    ['another credential', { credentialId: '0190d1f4-7c2a-7000-8000-000000000002' }],
    ['another organization', { organizationId: 'org-b' }],
    ['another project', { projectId: 'proj-b' }],
    ['another provider', { provider: 'anthropic' }],
  ])('refuses a value copied to %s', (_case, change) => {
    const { sealed } = cipher.seal(secret, context);
    expect(() => cipher.open(sealed, { ...context, ...change })).toThrow(
      'the sealed value failed authentication: it was altered, or belongs to another record',
    );
  });

  it('keeps context fields apart (no ambiguity from concatenation)', () => {
    const split = { ...context, organizationId: 'org', projectId: '-aproj-a' };
    const sealed = cipher.seal(secret, { ...context, organizationId: 'org-a', projectId: 'proj-a' }).sealed;
    expect(() => cipher.open(sealed, split)).toThrow(SealedValueError);
  });

  it('still opens values sealed with an older key after rotation, and seals with the new one', () => {
    const before = new AesGcmSecretCipher(ring('k1', { k1 }));
    const oldValue = before.seal(secret, context).sealed;

    const after = new AesGcmSecretCipher(ring('k2', { k2, k1 }));
    expect(after.open(oldValue, context)).toBe(secret);
    const fresh = after.seal(secret, context);
    expect(fresh.keyId).toBe('k2');
    expect(fresh.sealed.startsWith('v1.k2.')).toBe(true);
    expect(() => before.open(fresh.sealed, context)).toThrow(SealedValueError);
  });

  it('names an unknown key id in its error', () => {
    const other = new AesGcmSecretCipher(ring('k9', { k9: k2 }));
    const sealed = other.seal(secret, context).sealed;
    expect(() => cipher.open(sealed, context)).toThrow(
      'the sealed value names key id k9, which is not configured (INTEGRATION_CRYPTO_KEYS)',
    );
  });

  it('refuses an unknown format version and malformed values', () => {
    const sealed = cipher.seal(secret, context).sealed;
    expect(() =>
      cipher.open(
        withPart(sealed, 0, () => 'v2'),
        context,
      ),
    ).toThrow('the sealed value has an unknown format version');
    expect(() => cipher.open(`${sealed}.extra`, context)).toThrow('the sealed value is malformed');
    expect(() =>
      cipher.open(
        withPart(sealed, 2, () => 'AAAA'),
        context,
      ),
    ).toThrow('the sealed value is malformed');
    expect(() => cipher.open('sk-plaintext-by-mistake', context)).toThrow(SealedValueError);
  });

  it('never puts the plaintext or the key into an error', () => {
    const tampered = withPart(cipher.seal(secret, context).sealed, 3, flipFirstByte);
    let message = '';
    try {
      cipher.open(tampered, context);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).not.toContain('sk-test');
    expect(message).not.toContain(k1.toString('base64'));
    expect(message).not.toContain(k1.toString('hex'));
  });

  it('refuses a ring whose active key is missing', () => {
    expect(() => new AesGcmSecretCipher(ring('k3', { k1 }))).toThrow(/no key for its active key id k3/);
  });
});

import { randomBytes } from 'node:crypto';
import { deriveKeyId, parseKeyRing } from './key-ring.js';

describe('parseKeyRing', () => {
  const active = randomBytes(32);
  const old1 = randomBytes(32);
  const old2 = randomBytes(32);

  it('derives a stable key id from the active key when none is given', () => {
    const ring = parseKeyRing({ activeKey: active.toString('base64') });
    expect(ring.activeKeyId).toBe(deriveKeyId(active));
    expect(ring.activeKeyId).toMatch(/^k[0-9a-f]{8}$/);
    expect(parseKeyRing({ activeKey: active.toString('hex') }).activeKeyId).toBe(ring.activeKeyId);
    expect(ring.keys.get(ring.activeKeyId)).toEqual(active);
  });

  it('uses the given active key id and adds the older keys', () => {
    const ring = parseKeyRing({
      activeKey: active.toString('base64'),
      activeKeyId: '2026-02',
      olderKeys: ` 2025-01:${old1.toString('base64url')}, 2025_06:${old2.toString('hex')} ,`,
    });
    expect(ring.activeKeyId).toBe('2026-02');
    expect([...ring.keys.keys()]).toEqual(['2026-02', '2025-01', '2025_06']);
    expect(ring.keys.get('2025-01')).toEqual(old1);
    expect(ring.keys.get('2025_06')).toEqual(old2);
  });

  it('accepts the active key repeated among the older keys', () => {
    const ring = parseKeyRing({
      activeKey: active.toString('base64'),
      activeKeyId: 'a',
      olderKeys: `a:${active.toString('hex')}`,
    });
    expect(ring.keys.size).toBe(1);
  });

  it('refuses one key id naming two different keys', () => {
    expect(() =>
      parseKeyRing({
        activeKey: active.toString('base64'),
        activeKeyId: 'a',
        olderKeys: `a:${old1.toString('base64')}`,
      }),
    ).toThrow('key id a is already used by a different key');
  });

  it.each([
    ['an id with a dot', { activeKeyId: 'v1.2' }],
    ['an id longer than 32 characters', { activeKeyId: 'x'.repeat(33) }],
    ['an older entry without a colon', { olderKeys: old1.toString('hex') }],
    ['an older entry with a bad id', { olderKeys: `bad id:${old1.toString('hex')}` }],
    ['an older entry with a short key', { olderKeys: `old:${randomBytes(16).toString('hex')}` }],
  ])('refuses %s without echoing key material', (_case, settings) => {
    let message = '';
    try {
      parseKeyRing({ activeKey: active.toString('base64'), ...settings });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/INTEGRATION_CRYPTO_KEY/);
    for (const key of [active, old1]) {
      expect(message).not.toContain(key.toString('hex'));
      expect(message).not.toContain(key.toString('base64'));
    }
  });
});

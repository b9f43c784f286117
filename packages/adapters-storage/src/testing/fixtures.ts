import type { Credential } from '@integration-api/core';
import { randomBytes } from 'node:crypto';
import type { KeyRing } from '../crypto/key-ring.js';

/** A UUIDv7: 48 bits of milliseconds, then random bits, so ids sort by creation time. */
export function newTestId(): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(Date.now(), 0, 6);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A ring of fresh random keys; the first id is active. */
export function testKeyRing(...keyIds: string[]): KeyRing {
  const ids = keyIds.length > 0 ? keyIds : ['test-key'];
  return { activeKeyId: ids[0]!, keys: new Map(ids.map((id) => [id, randomBytes(32)])) };
}

/** A stored-credential record with harmless defaults (its sealed secret is not a real envelope). */
export function credentialFixture(overrides: Partial<Credential> = {}): Credential {
  const now = new Date();
  return {
    id: newTestId(),
    organizationId: 'org-a',
    projectId: 'proj-a',
    provider: 'openai',
    name: `cred-${randomBytes(4).toString('hex')}`,
    sealedSecret: 'v1.test-key.AAAAAAAAAAAAAAAA.AA.AAAAAAAAAAAAAAAAAAAAAA',
    keyId: 'test-key',
    hint: '…x7Qa',
    config: {},
    status: 'unverified',
    lastVerifiedAt: null,
    lastVerificationError: null,
    version: 1,
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
}

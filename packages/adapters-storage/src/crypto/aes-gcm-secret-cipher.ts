import type { SealContext, SealedSecret, SecretCipher } from '@integration-api/core';
import type { KeyRing } from './key-ring.js';
import { openEnvelope, sealEnvelope } from './sealed-envelope.js';

/**
 * Seals credential secrets with the ring's active key and opens them with whichever key sealed
 * them. Each value is bound to its credential, tenant and provider.
 */
export class AesGcmSecretCipher implements SecretCipher {
  private readonly activeKey: Buffer;

  constructor(private readonly ring: KeyRing) {
    const key = ring.keys.get(ring.activeKeyId);
    if (!key) throw new Error(`the key ring has no key for its active key id ${ring.activeKeyId}`);
    this.activeKey = key;
  }

  seal(plaintext: string, context: SealContext): SealedSecret {
    const sealed = sealEnvelope(this.activeKey, this.ring.activeKeyId, plaintext, credentialContext(context));
    return { sealed, keyId: this.ring.activeKeyId };
  }

  open(sealed: string, context: SealContext): string {
    return openEnvelope(this.ring, sealed, credentialContext(context));
  }
}

function credentialContext(context: SealContext): string[] {
  // The leading purpose label keeps credential values apart from other sealed values (key checks).
  return ['credential', context.credentialId, context.organizationId, context.projectId, context.provider];
}

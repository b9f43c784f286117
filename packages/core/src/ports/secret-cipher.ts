import type { ProviderId } from '../providers/provider-spec.js';

/** What a sealed secret is bound to: opening it under any other context fails. */
export interface SealContext {
  readonly credentialId: string;
  readonly organizationId: string;
  readonly projectId: string;
  readonly provider: ProviderId;
}

export interface SealedSecret {
  /** The self-describing stored form (format version, key id, nonce, ciphertext, tag). */
  readonly sealed: string;
  readonly keyId: string;
}

/** Authenticated encryption of credential secrets. */
export interface SecretCipher {
  seal(plaintext: string, context: SealContext): SealedSecret;
  /** Throws when the sealed value was tampered with, moved to another context, or its key is unknown. */
  open(sealed: string, context: SealContext): string;
}

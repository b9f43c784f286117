import type { CredentialConfig, ProviderId } from '../providers/provider-spec.js';
import type { Tenant } from '../tenancy/principal.js';

export type CredentialStatus = 'unverified' | 'active' | 'invalid';

/**
 * A stored credential. `sealedSecret` is the cipher's opaque output; the plaintext is never part
 * of this record, so the record may be cached and logged (it is still kept out of logs).
 */
export interface Credential extends Tenant {
  readonly id: string;
  readonly provider: ProviderId;
  readonly name: string;
  readonly sealedSecret: string;
  readonly keyId: string;
  readonly hint: string;
  readonly config: CredentialConfig;
  readonly status: CredentialStatus;
  readonly lastVerifiedAt: Date | null;
  readonly lastVerificationError: string | null;
  readonly version: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** What callers see of a credential: everything but the sealed secret. */
export type CredentialView = Omit<Credential, 'sealedSecret'>;

/** What a caller choosing a credential for inference sees of it: no hint, no config. */
export type UsableCredential = Pick<CredentialView, 'id' | 'name' | 'provider' | 'status' | 'createdAt'>;

export function toView(credential: Credential): CredentialView {
  const { sealedSecret: _sealed, ...view } = credential;
  return view;
}

export const CREDENTIAL_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/** Masks a secret down to its last four characters (`…x7Qa`); short secrets show nothing. */
export function maskSecret(secret: string): string {
  if (secret.length < 12) return '…';
  return `…${secret.slice(-4)}`;
}

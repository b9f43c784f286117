import type { Credential } from '../credentials/credential.js';

/**
 * A cache of stored credential records, keyed by id. It holds sealed records only (never a
 * plaintext secret). Implementations degrade rather than fail: a broken backend reads as a miss
 * so requests fall back to the repository.
 */
export interface CredentialCache {
  get(id: string): Promise<Credential | undefined>;
  set(credential: Credential): Promise<void>;
  /** Drops the record here and in every replica's in-process copy. */
  invalidate(id: string): Promise<void>;
}

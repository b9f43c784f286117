import type { Credential } from '../credentials/credential.js';
import type { ProviderId } from '../providers/provider-spec.js';
import type { Tenant } from '../tenancy/principal.js';

export interface CredentialPage {
  readonly items: readonly Credential[];
  /** Pass back as `cursor` for the next page; absent on the last page. */
  readonly nextCursor?: string;
}

export interface ListCredentialsQuery {
  readonly provider?: ProviderId;
  readonly limit: number;
  readonly cursor?: string;
}

/** Fields a stored credential can change; the repository bumps `version` and `updatedAt`. */
export type CredentialChanges = Partial<
  Pick<
    Credential,
    | 'name'
    | 'sealedSecret'
    | 'keyId'
    | 'hint'
    | 'config'
    | 'status'
    | 'lastVerifiedAt'
    | 'lastVerificationError'
  >
>;

/**
 * Durable storage of credentials. Every read and write is scoped by tenant: a credential of
 * another tenant behaves exactly as one that does not exist. Deleted credentials are invisible.
 */
export interface CredentialRepository {
  /** Throws ConflictError (details.field = 'name') when the name is taken in the project. */
  create(credential: Credential): Promise<Credential>;
  findById(tenant: Tenant, id: string): Promise<Credential | undefined>;
  list(tenant: Tenant, query: ListCredentialsQuery): Promise<CredentialPage>;
  /**
   * Applies the changes if the stored version is `expectedVersion` and returns the new record;
   * throws VersionMismatchError otherwise, NotFoundError when it is gone, ConflictError on a taken name.
   */
  update(
    tenant: Tenant,
    id: string,
    expectedVersion: number,
    changes: CredentialChanges,
  ): Promise<Credential>;
  /** Soft-deletes; returns false when there was nothing to delete. */
  delete(tenant: Tenant, id: string, expectedVersion?: number): Promise<boolean>;
}

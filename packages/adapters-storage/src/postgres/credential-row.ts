import type { Credential, CredentialChanges, ProviderId } from '@integration-api/core';
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { CredentialsTable } from './database.js';

export type CredentialRow = Selectable<CredentialsTable>;

export function toCredential(row: CredentialRow): Credential {
  return {
    id: row.id,
    organizationId: row.organization_id,
    projectId: row.project_id,
    // Only the service writes this column, from a checked ProviderId.
    provider: row.provider as ProviderId,
    name: row.name,
    sealedSecret: row.sealed_secret,
    keyId: row.key_id,
    hint: row.hint,
    config: row.config,
    status: row.status,
    lastVerifiedAt: row.last_verified_at,
    lastVerificationError: row.last_verification_error,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toInsertRow(credential: Credential): Insertable<CredentialsTable> {
  return {
    id: credential.id,
    organization_id: credential.organizationId,
    project_id: credential.projectId,
    provider: credential.provider,
    name: credential.name,
    sealed_secret: credential.sealedSecret,
    key_id: credential.keyId,
    hint: credential.hint,
    config: JSON.stringify(credential.config),
    status: credential.status,
    last_verified_at: credential.lastVerifiedAt,
    last_verification_error: credential.lastVerificationError,
    version: credential.version,
    created_at: credential.createdAt,
    updated_at: credential.updatedAt,
  };
}

/** The columns a change touches; absent fields stay as they are. */
export function toUpdateRow(changes: CredentialChanges): Updateable<CredentialsTable> {
  const row: Updateable<CredentialsTable> = {};
  if (changes.name !== undefined) row.name = changes.name;
  if (changes.sealedSecret !== undefined) row.sealed_secret = changes.sealedSecret;
  if (changes.keyId !== undefined) row.key_id = changes.keyId;
  if (changes.hint !== undefined) row.hint = changes.hint;
  if (changes.config !== undefined) row.config = JSON.stringify(changes.config);
  if (changes.status !== undefined) row.status = changes.status;
  if (changes.lastVerifiedAt !== undefined) row.last_verified_at = changes.lastVerifiedAt;
  if (changes.lastVerificationError !== undefined) {
    row.last_verification_error = changes.lastVerificationError;
  }
  return row;
}

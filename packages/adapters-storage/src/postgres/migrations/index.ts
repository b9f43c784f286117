import type { Migration } from 'kysely';
import * as createCredentials from './0001-create-credentials.js';
import * as createEncryptionKeyChecks from './0002-create-encryption-key-checks.js';

/**
 * Every migration, in order. Listed in code rather than read from a folder so the same list
 * works from sources (jest), from the tsc build and from a bundle. Forward-only: never edit or
 * remove an entry that has shipped; add a new one.
 */
export const migrations: Readonly<Record<string, Migration>> = {
  '0001-create-credentials': createCredentials,
  '0002-create-encryption-key-checks': createEncryptionKeyChecks,
};

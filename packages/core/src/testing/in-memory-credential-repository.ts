import type { Credential } from '../credentials/credential.js';
import {
  ConflictError,
  InvalidArgumentError,
  NotFoundError,
  VersionMismatchError,
} from '../errors/domain-error.js';
import type {
  CredentialChanges,
  CredentialPage,
  CredentialRepository,
  ListCredentialsQuery,
} from '../ports/credential-repository.js';
import { sameTenant, type Tenant } from '../tenancy/principal.js';

/**
 * A repository in memory with the same contract as the PostgreSQL one, for tests of the use
 * cases and transports. Storage itself is tested against real PostgreSQL.
 */
export class InMemoryCredentialRepository implements CredentialRepository {
  private readonly rows = new Map<string, Credential & { deleted?: boolean }>();

  async create(credential: Credential): Promise<Credential> {
    this.assertNameFree(credential, credential.name, credential.id);
    this.rows.set(credential.id, { ...credential });
    return credential;
  }

  async findById(tenant: Tenant, id: string): Promise<Credential | undefined> {
    const row = this.rows.get(id);
    return row && !row.deleted && sameTenant(row, tenant) ? strip(row) : undefined;
  }

  async list(tenant: Tenant, query: ListCredentialsQuery): Promise<CredentialPage> {
    const after = query.cursor ? decodeCursor(query.cursor) : '';
    const matching = [...this.rows.values()]
      .filter(
        (r) => !r.deleted && sameTenant(r, tenant) && (!query.provider || r.provider === query.provider),
      )
      .filter((r) => r.id > after)
      .sort((a, b) => (a.id < b.id ? -1 : 1));
    const items = matching.slice(0, query.limit).map(strip);
    const last = items.at(-1);
    return matching.length > query.limit && last ? { items, nextCursor: encodeCursor(last.id) } : { items };
  }

  async update(
    tenant: Tenant,
    id: string,
    expectedVersion: number,
    changes: CredentialChanges,
  ): Promise<Credential> {
    const current = await this.findById(tenant, id);
    if (!current) throw new NotFoundError('credential', id);
    if (current.version !== expectedVersion) throw new VersionMismatchError(expectedVersion, current.version);
    if (changes.name !== undefined) this.assertNameFree(current, changes.name, id);
    const updated: Credential = {
      ...current,
      ...changes,
      version: current.version + 1,
      updatedAt: new Date(),
    };
    this.rows.set(id, updated);
    return updated;
  }

  async delete(tenant: Tenant, id: string, expectedVersion?: number): Promise<boolean> {
    const current = await this.findById(tenant, id);
    if (!current) return false;
    if (expectedVersion !== undefined && current.version !== expectedVersion) {
      throw new VersionMismatchError(expectedVersion, current.version);
    }
    this.rows.set(id, { ...current, deleted: true });
    return true;
  }

  private assertNameFree(tenant: Tenant, name: string, id: string): void {
    for (const row of this.rows.values()) {
      if (!row.deleted && row.id !== id && row.name === name && sameTenant(row, tenant)) {
        throw new ConflictError(`a credential named ${name} already exists in this project`, {
          field: 'name',
        });
      }
    }
  }
}

function strip(row: Credential & { deleted?: boolean }): Credential {
  const { deleted: _deleted, ...credential } = row;
  return credential;
}

function encodeCursor(id: string): string {
  return Buffer.from(id).toString('base64url');
}

function decodeCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString();
  if (!/^[0-9a-f-]{36}$/.test(id))
    throw new InvalidArgumentError('cursor', 'is not a cursor this service issued');
  return id;
}

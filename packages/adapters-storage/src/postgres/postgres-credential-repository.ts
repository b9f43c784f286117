import {
  ConflictError,
  NotFoundError,
  VersionMismatchError,
  type Credential,
  type CredentialChanges,
  type CredentialPage,
  type CredentialRepository,
  type ListCredentialsQuery,
  type Tenant,
} from '@integration-api/core';
import { sql, type Kysely, type SelectQueryBuilder, type UpdateQueryBuilder } from 'kysely';
import { toCredential, toInsertRow, toUpdateRow } from './credential-row.js';
import type { Database } from './database.js';
import { decodeCursor, encodeCursor, UUID_PATTERN } from './page-cursor.js';
import { isUniqueViolation } from './pg-errors.js';

const NAME_INDEX = 'credentials_tenant_name_unique';

/**
 * Credentials in PostgreSQL. Every statement is scoped by organization and project and skips
 * deleted rows, so another tenant's credential behaves exactly like a missing one.
 */
export class PostgresCredentialRepository implements CredentialRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async create(credential: Credential): Promise<Credential> {
    try {
      const row = await this.db
        .insertInto('credentials')
        .values(toInsertRow(credential))
        .returningAll()
        .executeTakeFirstOrThrow();
      return toCredential(row);
    } catch (error) {
      throw nameConflictOr(error, credential.name);
    }
  }

  async findById(tenant: Tenant, id: string): Promise<Credential | undefined> {
    // A malformed id cannot name a row; asking PostgreSQL would fail on the uuid cast.
    if (!UUID_PATTERN.test(id)) return undefined;
    const row = await this.live(tenant).selectAll().where('id', '=', id).executeTakeFirst();
    return row && toCredential(row);
  }

  async list(tenant: Tenant, query: ListCredentialsQuery): Promise<CredentialPage> {
    let select = this.live(tenant).selectAll();
    if (query.cursor !== undefined) select = select.where('id', '>', decodeCursor(query.cursor));
    if (query.provider !== undefined) select = select.where('provider', '=', query.provider);
    // One row past the page tells whether there is a next page.
    const rows = await select
      .orderBy('id')
      .limit(query.limit + 1)
      .execute();
    const items = rows.slice(0, query.limit).map(toCredential);
    const last = items.at(-1);
    return rows.length > query.limit && last ? { items, nextCursor: encodeCursor(last.id) } : { items };
  }

  async update(
    tenant: Tenant,
    id: string,
    expectedVersion: number,
    changes: CredentialChanges,
  ): Promise<Credential> {
    if (!UUID_PATTERN.test(id)) throw new NotFoundError('credential', id);
    let row;
    try {
      row = await this.scopedUpdate(tenant, id)
        .set({
          ...toUpdateRow(changes),
          version: sql`version + 1`,
          updated_at: sql`now()`,
        })
        .where('version', '=', expectedVersion)
        .returningAll()
        .executeTakeFirst();
    } catch (error) {
      throw nameConflictOr(error, changes.name ?? '');
    }
    if (row) return toCredential(row);
    throw await this.explainMissedWrite(tenant, id, expectedVersion);
  }

  async delete(tenant: Tenant, id: string, expectedVersion?: number): Promise<boolean> {
    if (!UUID_PATTERN.test(id)) return false;
    let statement = this.scopedUpdate(tenant, id).set({
      deleted_at: sql`now()`,
      version: sql`version + 1`,
      updated_at: sql`now()`,
    });
    if (expectedVersion !== undefined) statement = statement.where('version', '=', expectedVersion);
    const deleted = await statement.returning('id').executeTakeFirst();
    if (deleted) return true;
    if (expectedVersion === undefined) return false;
    const error = await this.explainMissedWrite(tenant, id, expectedVersion);
    if (error instanceof NotFoundError) return false;
    throw error;
  }

  private live(tenant: Tenant): SelectQueryBuilder<Database, 'credentials', object> {
    return this.db
      .selectFrom('credentials')
      .where('organization_id', '=', tenant.organizationId)
      .where('project_id', '=', tenant.projectId)
      .where('deleted_at', 'is', null);
  }

  private scopedUpdate(
    tenant: Tenant,
    id: string,
  ): UpdateQueryBuilder<Database, 'credentials', 'credentials', object> {
    return this.db
      .updateTable('credentials')
      .where('id', '=', id)
      .where('organization_id', '=', tenant.organizationId)
      .where('project_id', '=', tenant.projectId)
      .where('deleted_at', 'is', null);
  }

  /** A guarded write matched no row: the row is gone, or it is at another version. */
  private async explainMissedWrite(
    tenant: Tenant,
    id: string,
    expectedVersion: number,
  ): Promise<NotFoundError | VersionMismatchError> {
    const current = await this.live(tenant).select('version').where('id', '=', id).executeTakeFirst();
    return current
      ? new VersionMismatchError(expectedVersion, current.version)
      : new NotFoundError('credential', id);
  }
}

function nameConflictOr(error: unknown, name: string): unknown {
  return isUniqueViolation(error, NAME_INDEX)
    ? new ConflictError(`a credential named ${name} already exists in this project`, { field: 'name' })
    : error;
}

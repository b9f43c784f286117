import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('credentials')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('organization_id', 'text', (col) => col.notNull())
    .addColumn('project_id', 'text', (col) => col.notNull())
    .addColumn('provider', 'text', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('sealed_secret', 'text', (col) => col.notNull())
    .addColumn('key_id', 'text', (col) => col.notNull())
    .addColumn('hint', 'text', (col) => col.notNull())
    .addColumn('config', 'jsonb', (col) => col.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('last_verified_at', 'timestamptz')
    .addColumn('last_verification_error', 'text')
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('deleted_at', 'timestamptz')
    .addCheckConstraint('credentials_status_check', sql`status in ('unverified', 'active', 'invalid')`)
    .execute();

  // Names are unique per project among live credentials; a deleted one frees its name.
  await db.schema
    .createIndex('credentials_tenant_name_unique')
    .on('credentials')
    .columns(['organization_id', 'project_id', 'name'])
    .unique()
    .where(sql.ref('deleted_at'), 'is', null)
    .execute();

  // Listing a tenant's credentials in id (creation) order.
  await db.schema
    .createIndex('credentials_tenant_list')
    .on('credentials')
    .columns(['organization_id', 'project_id', 'id'])
    .where(sql.ref('deleted_at'), 'is', null)
    .execute();
}

import {
  ConflictError,
  InvalidArgumentError,
  NotFoundError,
  VersionMismatchError,
  type Credential,
  type Tenant,
} from '@integration-api/core';
import { credentialFixture, newTestId } from '../testing/fixtures.js';
import { openMigratedTestDatabase, type MigratedTestDatabase } from '../testing/test-database.js';
import { PostgresCredentialRepository } from './postgres-credential-repository.js';

describe('PostgresCredentialRepository', () => {
  let testDb: MigratedTestDatabase;
  let repository: PostgresCredentialRepository;
  let tenant: Tenant;
  let otherOrg: Tenant;
  let otherProject: Tenant;

  beforeAll(async () => {
    testDb = await openMigratedTestDatabase();
    repository = new PostgresCredentialRepository(testDb.db);
  }, 120_000);

  afterAll(async () => {
    await testDb?.close();
  });

  beforeEach(() => {
    // Fresh tenants per test keep tests independent without truncating.
    const org = `org-${newTestId().slice(-12)}`;
    tenant = { organizationId: org, projectId: 'proj-a' };
    otherOrg = { organizationId: `${org}-other`, projectId: 'proj-a' };
    otherProject = { organizationId: org, projectId: 'proj-b' };
  });

  function make(overrides: Partial<Credential> = {}): Credential {
    return credentialFixture({ ...tenant, ...overrides });
  }

  describe('create and read', () => {
    it('stores a credential and reads back the same domain record', async () => {
      const verifiedAt = new Date('2026-01-02T03:04:05.678Z');
      const credential = make({
        config: { baseUrl: 'https://example.test/v1', region: 'eu' },
        status: 'active',
        lastVerifiedAt: verifiedAt,
      });
      await expect(repository.create(credential)).resolves.toEqual(credential);
      await expect(repository.findById(tenant, credential.id)).resolves.toEqual(credential);
    });

    it('reads an unknown or malformed id as not found', async () => {
      await expect(repository.findById(tenant, newTestId())).resolves.toBeUndefined();
      await expect(repository.findById(tenant, 'not-a-uuid')).resolves.toBeUndefined();
    });

    it('refuses a second credential with the same name in the project', async () => {
      await repository.create(make({ name: 'prod' }));
      const attempt = repository.create(make({ name: 'prod' }));
      await expect(attempt).rejects.toThrow(ConflictError);
      await expect(attempt).rejects.toMatchObject({ details: { field: 'name' } });
    });

    it('allows the same name in another project or organization', async () => {
      await repository.create(make({ name: 'prod' }));
      await expect(
        repository.create(credentialFixture({ ...otherProject, name: 'prod' })),
      ).resolves.toBeDefined();
      await expect(
        repository.create(credentialFixture({ ...otherOrg, name: 'prod' })),
      ).resolves.toBeDefined();
    });

    it('frees a name once its credential is deleted', async () => {
      const first = await repository.create(make({ name: 'prod' }));
      await repository.delete(tenant, first.id);
      await expect(repository.create(make({ name: 'prod' }))).resolves.toMatchObject({ name: 'prod' });
    });
  });

  describe('tenant isolation', () => {
    it("treats another tenant's credential as missing for every operation", async () => {
      const credential = await repository.create(make());
      for (const stranger of [otherOrg, otherProject]) {
        await expect(repository.findById(stranger, credential.id)).resolves.toBeUndefined();
        await expect(repository.update(stranger, credential.id, 1, { name: 'stolen' })).rejects.toThrow(
          NotFoundError,
        );
        await expect(repository.delete(stranger, credential.id)).resolves.toBe(false);
        await expect(repository.delete(stranger, credential.id, 1)).resolves.toBe(false);
        await expect(repository.list(stranger, { limit: 100 })).resolves.toEqual({ items: [] });
      }
      await expect(repository.findById(tenant, credential.id)).resolves.toEqual(credential);
    });
  });

  describe('list', () => {
    it('pages in id order with an opaque cursor, and only says there is more when there is', async () => {
      const created: Credential[] = [];
      for (let i = 0; i < 5; i += 1) created.push(await repository.create(make({ name: `c${i}` })));
      const ids = created.map((c) => c.id).sort();

      const first = await repository.list(tenant, { limit: 2 });
      expect(first.items.map((c) => c.id)).toEqual(ids.slice(0, 2));
      expect(first.nextCursor).toEqual(expect.any(String));
      expect(first.nextCursor).not.toContain(ids[1]);

      const second = await repository.list(tenant, { limit: 2, cursor: first.nextCursor });
      expect(second.items.map((c) => c.id)).toEqual(ids.slice(2, 4));

      const last = await repository.list(tenant, { limit: 2, cursor: second.nextCursor });
      expect(last.items.map((c) => c.id)).toEqual(ids.slice(4));
      expect(last.nextCursor).toBeUndefined();

      const exact = await repository.list(tenant, { limit: 5 });
      expect(exact.items).toHaveLength(5);
      expect(exact.nextCursor).toBeUndefined();
    });

    it('filters by provider', async () => {
      const openai = await repository.create(make({ provider: 'openai' }));
      await repository.create(make({ provider: 'anthropic' }));
      const page = await repository.list(tenant, { limit: 10, provider: 'openai' });
      expect(page.items).toEqual([openai]);
    });

    it('leaves deleted credentials out', async () => {
      const kept = await repository.create(make());
      const gone = await repository.create(make());
      await repository.delete(tenant, gone.id);
      await expect(repository.list(tenant, { limit: 10 })).resolves.toEqual({ items: [kept] });
    });

    it.each(['!!!', 'bm90LWEtdXVpZA', ''])('refuses the malformed cursor %j', async (cursor) => {
      await expect(repository.list(tenant, { limit: 10, cursor })).rejects.toThrow(InvalidArgumentError);
      await expect(repository.list(tenant, { limit: 10, cursor })).rejects.toMatchObject({
        details: { field: 'cursor' },
      });
    });
  });

  describe('update', () => {
    it('applies the changes, bumps the version and the update time', async () => {
      const credential = await repository.create(
        make({ createdAt: new Date('2020-01-01T00:00:00Z'), updatedAt: new Date('2020-01-01T00:00:00Z') }),
      );
      const verifiedAt = new Date('2026-03-01T10:00:00.123Z');
      const updated = await repository.update(tenant, credential.id, 1, {
        name: 'renamed',
        sealedSecret: 'v1.k2.new',
        keyId: 'k2',
        hint: '…9999',
        config: { region: 'us' },
        status: 'invalid',
        lastVerifiedAt: verifiedAt,
        lastVerificationError: 'Incorrect API key provided',
      });
      expect(updated).toEqual({
        ...credential,
        name: 'renamed',
        sealedSecret: 'v1.k2.new',
        keyId: 'k2',
        hint: '…9999',
        config: { region: 'us' },
        status: 'invalid',
        lastVerifiedAt: verifiedAt,
        lastVerificationError: 'Incorrect API key provided',
        version: 2,
        updatedAt: expect.any(Date),
      });
      expect(updated.updatedAt.getTime()).toBeGreaterThan(credential.updatedAt.getTime());
      await expect(repository.findById(tenant, credential.id)).resolves.toEqual(updated);
    });

    it('clears nullable fields when asked and leaves unnamed fields alone', async () => {
      const credential = await repository.create(
        make({ status: 'active', lastVerifiedAt: new Date(), lastVerificationError: 'old' }),
      );
      const updated = await repository.update(tenant, credential.id, 1, {
        lastVerifiedAt: null,
        lastVerificationError: null,
      });
      expect(updated).toMatchObject({
        name: credential.name,
        status: 'active',
        lastVerifiedAt: null,
        lastVerificationError: null,
        version: 2,
      });
    });

    it('refuses a stale version and says which version is current', async () => {
      const credential = await repository.create(make());
      await repository.update(tenant, credential.id, 1, { hint: '…1111' });
      const stale = repository.update(tenant, credential.id, 1, { hint: '…2222' });
      await expect(stale).rejects.toThrow(VersionMismatchError);
      await expect(stale).rejects.toMatchObject({ details: { expectedVersion: 1, currentVersion: 2 } });
      await expect(repository.findById(tenant, credential.id)).resolves.toMatchObject({ hint: '…1111' });
    });

    it('lets exactly one of two concurrent writers at the same version win', async () => {
      const credential = await repository.create(make());
      const results = await Promise.allSettled([
        repository.update(tenant, credential.id, 1, { hint: '…aaaa' }),
        repository.update(tenant, credential.id, 1, { hint: '…bbbb' }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const rejected = results.find((r) => r.status === 'rejected');
      expect(rejected?.status === 'rejected' && rejected.reason).toBeInstanceOf(VersionMismatchError);
    });

    it('reports a missing or deleted credential as not found', async () => {
      await expect(repository.update(tenant, newTestId(), 1, { hint: 'x' })).rejects.toThrow(NotFoundError);
      await expect(repository.update(tenant, 'not-a-uuid', 1, { hint: 'x' })).rejects.toThrow(NotFoundError);
      const credential = await repository.create(make());
      await repository.delete(tenant, credential.id);
      await expect(repository.update(tenant, credential.id, 2, { hint: 'x' })).rejects.toThrow(NotFoundError);
    });

    it('refuses a rename to a name taken in the project', async () => {
      await repository.create(make({ name: 'taken' }));
      const credential = await repository.create(make({ name: 'free' }));
      const attempt = repository.update(tenant, credential.id, 1, { name: 'taken' });
      await expect(attempt).rejects.toThrow(ConflictError);
      await expect(attempt).rejects.toMatchObject({ details: { field: 'name' } });
    });
  });

  describe('delete', () => {
    it('hides the credential and reports whether there was one', async () => {
      const credential = await repository.create(make());
      await expect(repository.delete(tenant, credential.id)).resolves.toBe(true);
      await expect(repository.findById(tenant, credential.id)).resolves.toBeUndefined();
      await expect(repository.delete(tenant, credential.id)).resolves.toBe(false);
      await expect(repository.delete(tenant, 'not-a-uuid')).resolves.toBe(false);
    });

    it('keeps the row, marked deleted at a bumped version', async () => {
      const credential = await repository.create(make());
      await repository.delete(tenant, credential.id);
      const row = await testDb.db
        .selectFrom('credentials')
        .select(['deleted_at', 'version'])
        .where('id', '=', credential.id)
        .executeTakeFirstOrThrow();
      expect(row.deleted_at).toBeInstanceOf(Date);
      expect(row.version).toBe(2);
    });

    it('honours the expected version', async () => {
      const credential = await repository.create(make());
      await repository.update(tenant, credential.id, 1, { hint: '…1111' });
      await expect(repository.delete(tenant, credential.id, 1)).rejects.toThrow(VersionMismatchError);
      await expect(repository.findById(tenant, credential.id)).resolves.toBeDefined();
      await expect(repository.delete(tenant, credential.id, 2)).resolves.toBe(true);
      await expect(repository.delete(tenant, credential.id, 3)).resolves.toBe(false);
    });
  });
});

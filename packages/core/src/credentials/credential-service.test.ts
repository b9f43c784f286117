import {
  ContextCheckingTestCipher,
  FixedClock,
  InMemoryCredentialRepository,
  MapCredentialCache,
  SequentialIds,
  TestProviderRegistry,
  TestUpstreamGuard,
  TEST_PROVIDER_SPEC,
  testPrincipal,
} from '../testing/index.js';
import { CredentialService } from './credential-service.js';
import type { ProviderSpec } from '../providers/provider-spec.js';

const UNVERIFIABLE: ProviderSpec = {
  ...TEST_PROVIDER_SPEC,
  id: 'cohere',
  capabilities: { ...TEST_PROVIDER_SPEC.capabilities, verify: false },
};

function setup() {
  const repository = new InMemoryCredentialRepository();
  const cache = new MapCredentialCache();
  const providers = new TestProviderRegistry([TEST_PROVIDER_SPEC, UNVERIFIABLE]);
  const service = new CredentialService({
    repository,
    cache,
    cipher: new ContextCheckingTestCipher(),
    providers,
    upstreamGuard: new TestUpstreamGuard(),
    clock: new FixedClock(),
    ids: new SequentialIds(),
  });
  return { service, repository, cache, providers };
}

const alice = testPrincipal();
const mallory = testPrincipal({ organizationId: 'org-b', subject: 'mallory' });

describe('CredentialService', () => {
  it('verifies, seals and stores a new credential, returning only a masked hint', async () => {
    const { service, repository, providers } = setup();
    const view = await service.create(alice, {
      provider: 'openai',
      name: 'prod',
      secret: 'good-key-1234567890-x7Qa',
    });
    expect(view).toMatchObject({
      provider: 'openai',
      name: 'prod',
      hint: '…x7Qa',
      status: 'active',
      version: 1,
    });
    expect(JSON.stringify(view)).not.toContain('good-key');
    expect(providers.verifications).toHaveLength(1);
    const stored = await repository.findById(alice, view.id);
    expect(stored?.sealedSecret).toBeDefined();
    expect(stored?.sealedSecret).not.toContain('good-key-1234567890');
  });

  it('saves nothing when the provider refuses the credential', async () => {
    const { service } = setup();
    await expect(
      service.create(alice, { provider: 'openai', name: 'bad', secret: 'bad-key-000000000' }),
    ).rejects.toMatchObject({
      code: 'verification_failed',
      details: { reason: 'invalid_credential' },
    });
    expect((await service.list(alice, {})).items).toHaveLength(0);
  });

  it('skips verification when asked and marks the credential unverified', async () => {
    const { service, providers } = setup();
    const view = await service.create(alice, {
      provider: 'openai',
      name: 'x',
      secret: 'bad-key',
      verify: false,
    });
    expect(view.status).toBe('unverified');
    expect(providers.verifications).toHaveLength(0);
  });

  it('stores credentials of providers without a verifier as unverified, and refuses an explicit verify', async () => {
    const { service } = setup();
    expect((await service.create(alice, { provider: 'cohere', name: 'c', secret: 'some-key' })).status).toBe(
      'unverified',
    );
    await expect(
      service.create(alice, { provider: 'cohere', name: 'd', secret: 'some-key', verify: true }),
    ).rejects.toMatchObject({ code: 'verification_unsupported' });
  });

  it.each([
    [{ provider: 'nope', name: 'a', secret: 'k' }, 'provider'],
    [{ provider: 'openai', name: ' spaced', secret: 'k' }, 'name'],
    [{ provider: 'openai', name: 'a', secret: 42 }, 'secret'],
    [{ provider: 'openai', name: 'a', secret: {} }, 'secret.apiKey'],
    [{ provider: 'openai', name: 'a', secret: { apiKey: 'k', extra: 'x' } }, 'secret.extra'],
    [{ provider: 'openai', name: 'a', secret: 'k', config: { baseUrl: 'ftp://x' } }, 'config.baseUrl'],
    [
      { provider: 'openai', name: 'a', secret: 'k', config: { baseUrl: 'https://private.test/v1' } },
      'config.baseUrl',
    ],
  ])('names the field at fault in invalid input %#', async (input, field) => {
    const { service } = setup();
    await expect(service.create(alice, input)).rejects.toMatchObject({
      code: 'invalid_argument',
      details: { field },
    });
  });

  it('never puts the secret value into a validation error', async () => {
    const { service } = setup();
    const error = await service
      .create(alice, { provider: 'openai', name: 'a', secret: { apiKey: ' canary-secret-value ' } })
      .catch((e: Error) => e);
    expect(String((error as Error).message)).not.toContain('canary-secret-value');
  });

  it('answers another tenant as if the credential did not exist', async () => {
    const { service } = setup();
    const { id } = await service.create(alice, {
      provider: 'openai',
      name: 'p',
      secret: 'good-key-abcdefgh',
    });
    await expect(service.get(mallory, id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(service.update(mallory, id, { name: 'stolen' })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(service.delete(mallory, id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(service.verify(mallory, id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(service.withSecret(mallory, id, async () => 'used')).rejects.toMatchObject({
      code: 'not_found',
    });
    expect((await service.list(mallory, {})).items).toHaveLength(0);
  });

  it('refuses a cached credential to another tenant too', async () => {
    const { service } = setup();
    const { id } = await service.create(alice, {
      provider: 'openai',
      name: 'p',
      secret: 'good-key-abcdefgh',
    });
    await service.withSecret(alice, id, async () => undefined); // fills the cache
    await expect(service.withSecret(mallory, id, async () => 'used')).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('requires the matching scope for each operation', async () => {
    const { service } = setup();
    const reader = testPrincipal({ scopes: ['credentials:read'] });
    await expect(
      service.create(reader, { provider: 'openai', name: 'p', secret: 'good-key' }),
    ).rejects.toMatchObject({
      code: 'permission_denied',
    });
    const { id } = await service.create(alice, {
      provider: 'openai',
      name: 'p',
      secret: 'good-key-abcdefgh',
    });
    await expect(service.withSecret(reader, id, async () => 1)).rejects.toMatchObject({
      code: 'permission_denied',
    });
    await expect(service.get(reader, id)).resolves.toMatchObject({ id });
  });

  it('hands the opened secret to one call, reading through the cache after the first', async () => {
    const { service, cache } = setup();
    const { id } = await service.create(alice, {
      provider: 'openai',
      name: 'p',
      secret: 'good-key-abcdefgh',
    });
    const seen = await service.withSecret(alice, id, async (secret) => secret.apiKey);
    expect(seen).toBe('good-key-abcdefgh');
    expect(cache.entries.has(id)).toBe(true);
    expect(JSON.stringify([...cache.entries.values()])).not.toContain('good-key-abcdefgh');
  });

  it('re-verifies and re-seals when the secret is replaced, and invalidates the cache', async () => {
    const { service, cache, providers } = setup();
    const created = await service.create(alice, {
      provider: 'openai',
      name: 'p',
      secret: 'good-key-abcdefgh',
    });
    const updated = await service.update(alice, created.id, { secret: 'good-key-new-1234WXYZ' });
    expect(updated).toMatchObject({ hint: '…WXYZ', version: 2, status: 'active' });
    expect(providers.verifications).toHaveLength(2);
    expect(cache.invalidated).toContain(created.id);
    await expect(service.update(alice, created.id, { secret: 'bad-key' })).rejects.toMatchObject({
      code: 'verification_failed',
    });
    expect((await service.get(alice, created.id)).hint).toBe('…WXYZ');
  });

  it('guards lost updates with the expected version', async () => {
    const { service } = setup();
    const created = await service.create(alice, {
      provider: 'openai',
      name: 'p',
      secret: 'good-key-abcdefgh',
    });
    await service.update(alice, created.id, { name: 'q', expectedVersion: 1 });
    await expect(service.update(alice, created.id, { name: 'r', expectedVersion: 1 })).rejects.toMatchObject({
      code: 'version_mismatch',
    });
    await expect(service.delete(alice, created.id, 1)).rejects.toMatchObject({ code: 'version_mismatch' });
  });

  it('records a refusal found by an explicit verify as status invalid', async () => {
    const { service } = setup();
    const created = await service.create(alice, {
      provider: 'openai',
      name: 'p',
      secret: 'bad-key-x',
      verify: false,
    });
    const verified = await service.verify(alice, created.id);
    expect(verified).toMatchObject({
      status: 'invalid',
      lastVerificationError: 'Incorrect API key provided',
    });
  });

  it('re-verifies the stored secret against a changed endpoint', async () => {
    const { service, providers } = setup();
    const created = await service.create(alice, {
      provider: 'openai',
      name: 'p',
      secret: 'good-key-abcdefgh',
    });
    await service.update(alice, created.id, { config: { baseUrl: 'https://proxy.example/v1' } });
    expect(providers.verifications.at(-1)).toMatchObject({
      secret: { apiKey: 'good-key-abcdefgh' },
      config: { baseUrl: 'https://proxy.example/v1' },
    });
  });

  it('deletes, invalidates the cache, and then answers not found', async () => {
    const { service, cache } = setup();
    const created = await service.create(alice, {
      provider: 'openai',
      name: 'p',
      secret: 'good-key-abcdefgh',
    });
    await service.delete(alice, created.id);
    expect(cache.invalidated).toContain(created.id);
    await expect(service.get(alice, created.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(service.delete(alice, created.id)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('validates list paging input', async () => {
    const { service } = setup();
    await expect(service.list(alice, { limit: 0 })).rejects.toMatchObject({ details: { field: 'limit' } });
    await expect(service.list(alice, { provider: 'x' })).rejects.toMatchObject({
      details: { field: 'provider' },
    });
  });
});

describe('CredentialService.listUsable', () => {
  it('lets an inference-only caller page through its own tenant, without config or hint', async () => {
    const { service } = setup();
    await service.create(alice, {
      provider: 'openai',
      name: 'first',
      secret: 'good-key-abcdefgh',
      config: { baseUrl: 'https://llm.example.com/v1' },
    });
    await service.create(alice, { provider: 'cohere', name: 'second', secret: 'any-key-abcdefgh' });
    await service.create(mallory, { provider: 'openai', name: 'theirs', secret: 'good-key-abcdefgh' });
    const caller = testPrincipal({ scopes: ['inference'] });

    const first = await service.listUsable(caller, { limit: 1 });
    const second = await service.listUsable(caller, { limit: 1, cursor: first.nextCursor! });

    expect([...first.items, ...second.items]).toEqual([
      {
        id: expect.any(String),
        name: 'first',
        provider: 'openai',
        status: 'active',
        createdAt: expect.any(Date),
      },
      {
        id: expect.any(String),
        name: 'second',
        provider: 'cohere',
        status: 'unverified',
        createdAt: expect.any(Date),
      },
    ]);
    expect(second.nextCursor).toBeUndefined();
    await expect(service.list(caller, {})).rejects.toMatchObject({ code: 'permission_denied' });
  });

  it('requires the inference scope', async () => {
    const { service } = setup();
    const reader = testPrincipal({ scopes: ['credentials:read'] });
    await expect(service.listUsable(reader, {})).rejects.toMatchObject({ code: 'permission_denied' });
  });
});

describe('CredentialService.findUsable', () => {
  const caller = testPrincipal({ scopes: ['inference'] });
  const create = (service: CredentialService, name: string, principal = alice) =>
    service.create(principal, { provider: 'openai', name, secret: 'good-key-abcdefgh', verify: false });

  it('finds a credential by name on any page, else by id; a name wins over an id', async () => {
    const { service } = setup();
    const first = await create(service, 'alpha');
    // Ids are valid names: this one is named like the first credential's id.
    const namedLikeId = await create(service, first.id);
    for (let i = 0; i < 100; i += 1) await create(service, `filler-${i}`);
    const last = await create(service, 'omega');

    await expect(service.findUsable(caller, 'omega')).resolves.toMatchObject({ id: last.id });
    await expect(service.findUsable(caller, first.id)).resolves.toMatchObject({ id: namedLikeId.id });
    await expect(service.findUsable(caller, last.id)).resolves.toMatchObject({ name: 'omega' });
    await expect(service.findUsable(caller, 'nothing')).resolves.toBeUndefined();
  });

  it('remembers a name: later lookups read the credential through the cache, with no listing', async () => {
    const { service, repository } = setup();
    const created = await create(service, 'main');
    const list = jest.spyOn(repository, 'list');
    const findById = jest.spyOn(repository, 'findById');

    await expect(service.findUsable(caller, 'main')).resolves.toEqual({
      id: created.id,
      name: 'main',
      provider: 'openai',
      status: 'unverified',
      createdAt: expect.any(Date),
    });
    await service.findUsable(caller, 'main');
    await service.findUsable(caller, 'main');

    expect(list).toHaveBeenCalledTimes(1);
    // The first remembered lookup fills the cache; the next ones touch no storage at all.
    expect(findById).toHaveBeenCalledTimes(1);
  });

  it('does not keep a renamed credential under its old name', async () => {
    const { service } = setup();
    const created = await create(service, 'old');
    await service.findUsable(caller, 'old');
    await service.update(alice, created.id, { name: 'new' });

    await expect(service.findUsable(caller, 'old')).resolves.toBeUndefined();
    await expect(service.findUsable(caller, 'new')).resolves.toMatchObject({ id: created.id });
  });

  it("finds the credential that took a deleted one's name", async () => {
    const { service } = setup();
    const before = await create(service, 'main');
    await service.findUsable(caller, 'main');
    await service.delete(alice, before.id);
    await expect(service.findUsable(caller, 'main')).resolves.toBeUndefined();

    const after = await create(service, 'main');
    await expect(service.findUsable(caller, 'main')).resolves.toMatchObject({ id: after.id });
  });

  it('keeps tenants apart', async () => {
    const { service } = setup();
    const ours = await create(service, 'main');
    await service.findUsable(caller, 'main');
    await expect(service.findUsable(mallory, 'main')).resolves.toBeUndefined();
    const theirs = await create(service, 'main', mallory);
    await expect(service.findUsable(mallory, 'main')).resolves.toMatchObject({ id: theirs.id });
    await expect(service.findUsable(caller, 'main')).resolves.toMatchObject({ id: ours.id });
  });

  it('requires the inference scope', async () => {
    const { service } = setup();
    const reader = testPrincipal({ scopes: ['credentials:read'] });
    await expect(service.findUsable(reader, 'main')).rejects.toMatchObject({ code: 'permission_denied' });
  });
});

describe('CredentialService.update without changes', () => {
  it('leaves the credential and its version alone, still checking the version guard', async () => {
    const { service } = setup();
    const created = await service.create(alice, {
      provider: 'openai',
      name: 'p',
      secret: 'good-key-abcdefgh',
    });
    expect(await service.update(alice, created.id, {})).toMatchObject({ version: 1 });
    await expect(service.update(alice, created.id, { expectedVersion: 7 })).rejects.toMatchObject({
      code: 'version_mismatch',
    });
  });
});

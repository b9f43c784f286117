import {
  InvalidArgumentError,
  NotFoundError,
  VerificationFailedError,
  VerificationUnsupportedError,
  VersionMismatchError,
} from '../errors/domain-error.js';
import { validateFields } from '../providers/fields.js';
import {
  isProviderId,
  type CredentialConfig,
  type ProviderId,
  type SecretPayload,
} from '../providers/provider-spec.js';
import type { CredentialCache } from '../ports/credential-cache.js';
import type { CredentialChanges, CredentialRepository } from '../ports/credential-repository.js';
import type { ProviderAdapter, ProviderRegistry, VerifyOutcome } from '../ports/provider-registry.js';
import type { SealContext, SecretCipher } from '../ports/secret-cipher.js';
import type { Clock, IdGenerator } from '../ports/system.js';
import type { UpstreamGuard } from '../ports/upstream-guard.js';
import { requireScope, sameTenant, type Principal, type Tenant } from '../tenancy/principal.js';
import {
  CREDENTIAL_NAME_PATTERN,
  maskSecret,
  toView,
  type Credential,
  type CredentialView,
  type UsableCredential,
} from './credential.js';
import { RememberedNames } from './remembered-names.js';

export interface CreateCredentialInput {
  readonly provider: string;
  readonly name: string;
  /** An object of the provider's secret fields, or a bare string for its hint field (an API key). */
  readonly secret: unknown;
  readonly config?: unknown;
  /** Default: verify when the provider supports it. */
  readonly verify?: boolean;
}

export interface UpdateCredentialInput {
  readonly name?: string;
  readonly secret?: unknown;
  /** Replaces the whole config. */
  readonly config?: unknown;
  readonly verify?: boolean;
  /** Guards lost updates: the change applies only at this version. */
  readonly expectedVersion?: number;
}

export interface ListCredentialsInput {
  readonly provider?: string;
  readonly limit?: number;
  readonly cursor?: string;
}

export interface CredentialServiceDeps {
  readonly repository: CredentialRepository;
  readonly cache: CredentialCache;
  readonly cipher: SecretCipher;
  readonly providers: ProviderRegistry;
  readonly upstreamGuard: UpstreamGuard;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

export const MAX_PAGE_SIZE = 100;
const DEFAULT_PAGE_SIZE = 20;

/** The credential vault's use cases. Every method checks the caller's scope and tenant. */
export class CredentialService {
  private readonly names = new RememberedNames();

  constructor(private readonly deps: CredentialServiceDeps) {}

  async create(principal: Principal, input: CreateCredentialInput): Promise<CredentialView> {
    requireScope(principal, 'credentials:write');
    const adapter = this.adapterFor(input.provider, 'provider');
    const name = checkName(input.name);
    const secret = normalizeSecret(adapter, input.secret);
    const config = await this.checkConfig(adapter, input.config ?? {});
    const verified = await this.verifyIfAsked(adapter, secret, config, input.verify);

    const id = this.deps.ids.newId();
    const now = this.deps.clock.now();
    const context = sealContext(principal, id, adapter.spec.id);
    const sealed = this.deps.cipher.seal(JSON.stringify(secret), context);
    const credential: Credential = {
      id,
      organizationId: principal.organizationId,
      projectId: principal.projectId,
      provider: adapter.spec.id,
      name,
      sealedSecret: sealed.sealed,
      keyId: sealed.keyId,
      hint: hintOf(adapter, secret),
      config,
      status: verified ? 'active' : 'unverified',
      lastVerifiedAt: verified ? now : null,
      lastVerificationError: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    return toView(await this.deps.repository.create(credential));
  }

  async get(principal: Principal, id: string): Promise<CredentialView> {
    requireScope(principal, 'credentials:read');
    return toView(await this.load(principal, id));
  }

  async list(
    principal: Principal,
    input: ListCredentialsInput,
  ): Promise<{ items: CredentialView[]; nextCursor?: string }> {
    requireScope(principal, 'credentials:read');
    const page = await this.page(principal, input);
    return { items: page.items.map(toView), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
  }

  /**
   * The credentials a caller may use, for clients that choose one by name (the OpenAI-compatible
   * API's `model`). Needs only the `inference` scope, so it shows no more than a caller choosing
   * needs: no config and no hint.
   */
  async listUsable(
    principal: Principal,
    input: ListCredentialsInput,
  ): Promise<{ items: UsableCredential[]; nextCursor?: string }> {
    requireScope(principal, 'inference');
    const page = await this.page(principal, input);
    return {
      items: page.items.map(toUsable),
      ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
    };
  }

  /**
   * The caller's credential named `ref`, else the one whose id is `ref` (names win: ids are random,
   * so a name that equals another credential's id is the one meant); undefined when none matches.
   * For clients that name a credential in every request (the OpenAI-compatible `model`).
   *
   * A name found once is remembered as its id. Later lookups read that id through the credential
   * caches (no database round trip on a hit) and keep it only while the record still bears the
   * name, so a renamed or deleted credential is looked up again: the answer is as fresh as the
   * credential caches, which every replica invalidates on change.
   */
  async findUsable(principal: Principal, ref: string): Promise<UsableCredential | undefined> {
    requireScope(principal, 'inference');
    const rememberedId = this.names.get(principal, ref);
    if (rememberedId !== undefined) {
      const credential = await this.resolve(principal, rememberedId).catch((error: unknown) => {
        if (error instanceof NotFoundError) return undefined;
        throw error;
      });
      if (credential?.name === ref) return toUsable(credential);
      this.names.forget(principal, ref);
    }
    let byId: Credential | undefined;
    let cursor: string | undefined;
    do {
      const page = await this.page(principal, { limit: MAX_PAGE_SIZE, ...(cursor ? { cursor } : {}) });
      const named = page.items.find((credential) => credential.name === ref);
      if (named) {
        this.names.remember(principal, ref, named.id);
        return toUsable(named);
      }
      byId ??= page.items.find((credential) => credential.id === ref);
      cursor = page.nextCursor;
    } while (cursor);
    return byId ? toUsable(byId) : undefined;
  }

  async update(principal: Principal, id: string, input: UpdateCredentialInput): Promise<CredentialView> {
    requireScope(principal, 'credentials:write');
    const current = await this.load(principal, id);
    const adapter = this.adapterFor(current.provider, 'provider');
    const expectedVersion = input.expectedVersion ?? current.version;
    const changes: { -readonly [K in keyof CredentialChanges]: CredentialChanges[K] } = {};

    if (input.name !== undefined) changes.name = checkName(input.name);
    if (input.config !== undefined) changes.config = await this.checkConfig(adapter, input.config);

    const newSecret = input.secret !== undefined ? normalizeSecret(adapter, input.secret) : undefined;
    if (newSecret || changes.config) {
      const secret = newSecret ?? this.open(current);
      const verified = await this.verifyIfAsked(
        adapter,
        secret,
        changes.config ?? current.config,
        input.verify,
      );
      if (newSecret) {
        const sealed = this.deps.cipher.seal(
          JSON.stringify(newSecret),
          sealContext(current, id, current.provider),
        );
        changes.sealedSecret = sealed.sealed;
        changes.keyId = sealed.keyId;
        changes.hint = hintOf(adapter, newSecret);
      }
      changes.status = verified ? 'active' : 'unverified';
      changes.lastVerifiedAt = verified ? this.deps.clock.now() : null;
      changes.lastVerificationError = null;
    }

    if (Object.keys(changes).length === 0) {
      // Nothing to change: answer as the stored state, still honouring the version guard.
      if (expectedVersion !== current.version)
        throw new VersionMismatchError(expectedVersion, current.version);
      return toView(current);
    }
    const updated = await this.deps.repository.update(principal, id, expectedVersion, changes);
    await this.deps.cache.invalidate(id);
    return toView(updated);
  }

  async delete(principal: Principal, id: string, expectedVersion?: number): Promise<void> {
    requireScope(principal, 'credentials:write');
    const deleted = await this.deps.repository.delete(principal, id, expectedVersion);
    await this.deps.cache.invalidate(id);
    if (!deleted) throw new NotFoundError('credential', id);
  }

  /**
   * Checks the stored credential against the provider now and records the verdict. A refusal is a
   * result (status `invalid`), not an error; an unreachable provider throws and changes nothing.
   */
  async verify(principal: Principal, id: string): Promise<CredentialView> {
    requireScope(principal, 'credentials:write');
    const current = await this.load(principal, id);
    const adapter = this.adapterFor(current.provider, 'provider');
    if (!adapter.verify) throw new VerificationUnsupportedError(current.provider);
    const outcome = await adapter.verify({ secret: this.open(current), config: current.config });
    const updated = await this.deps.repository.update(principal, id, current.version, {
      status: outcome.ok ? 'active' : 'invalid',
      lastVerifiedAt: this.deps.clock.now(),
      lastVerificationError: outcome.ok ? null : outcome.message,
    });
    await this.deps.cache.invalidate(id);
    return toView(updated);
  }

  /**
   * Resolves a tenant's credential (in-process cache, shared cache, then the database) and hands
   * its plaintext secret to `use` for that one call. The plaintext is not kept anywhere.
   */
  async withSecret<T>(
    principal: Principal,
    id: string,
    use: (secret: SecretPayload, credential: Credential) => Promise<T>,
  ): Promise<T> {
    const { secret, credential } = await this.openForUse(principal, id);
    return use(secret, credential);
  }

  /**
   * The same as `withSecret` for callers whose use outlives one promise (a stream): the caller
   * holds the plaintext for that one call and drops it.
   */
  async openForUse(
    principal: Principal,
    id: string,
  ): Promise<{ secret: SecretPayload; credential: Credential }> {
    requireScope(principal, 'inference');
    const credential = await this.resolve(principal, id);
    return { secret: this.open(credential), credential };
  }

  private async page(tenant: Tenant, input: ListCredentialsInput) {
    let provider: ProviderId | undefined;
    if (input.provider !== undefined) {
      if (!isProviderId(input.provider))
        throw new InvalidArgumentError('provider', 'is not a known provider');
      provider = input.provider;
    }
    const limit = input.limit ?? DEFAULT_PAGE_SIZE;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
      throw new InvalidArgumentError('limit', `must be an integer from 1 to ${MAX_PAGE_SIZE}`);
    }
    return this.deps.repository.list(tenant, {
      limit,
      ...(provider ? { provider } : {}),
      ...(input.cursor ? { cursor: input.cursor } : {}),
    });
  }

  /** Cache first; a credential of another tenant reads as not found. */
  private async resolve(tenant: Tenant, id: string): Promise<Credential> {
    const cached = await this.deps.cache.get(id);
    if (cached) {
      if (!sameTenant(cached, tenant)) throw new NotFoundError('credential', id);
      return cached;
    }
    const stored = await this.load(tenant, id);
    await this.deps.cache.set(stored);
    return stored;
  }

  private async load(tenant: Tenant, id: string): Promise<Credential> {
    const credential = await this.deps.repository.findById(tenant, id);
    if (!credential) throw new NotFoundError('credential', id);
    return credential;
  }

  private open(credential: Credential): SecretPayload {
    const plaintext = this.deps.cipher.open(
      credential.sealedSecret,
      sealContext(credential, credential.id, credential.provider),
    );
    return JSON.parse(plaintext) as SecretPayload;
  }

  private adapterFor(provider: string, field: string): ProviderAdapter {
    const adapter = isProviderId(provider) ? this.deps.providers.get(provider) : undefined;
    if (!adapter) throw new InvalidArgumentError(field, `"${provider}" is not a known provider`);
    return adapter;
  }

  private async checkConfig(adapter: ProviderAdapter, raw: unknown): Promise<CredentialConfig> {
    const config = validateFields(adapter.spec.configFields, raw, 'config');
    for (const field of adapter.spec.configFields) {
      const value = config[field.name];
      if (field.format === 'url' && value) await this.deps.upstreamGuard.check(value, `config.${field.name}`);
    }
    return config;
  }

  /** Returns whether the credential was verified; throws when the provider refused it. */
  private async verifyIfAsked(
    adapter: ProviderAdapter,
    secret: SecretPayload,
    config: CredentialConfig,
    verify: boolean | undefined,
  ): Promise<boolean> {
    if (verify === false) return false;
    if (!adapter.verify) {
      if (verify === true) throw new VerificationUnsupportedError(adapter.spec.id);
      return false;
    }
    const outcome: VerifyOutcome = await adapter.verify({ secret, config });
    if (!outcome.ok) throw new VerificationFailedError(outcome.reason, outcome.message);
    return true;
  }
}

function toUsable({ id, name, provider, status, createdAt }: Credential): UsableCredential {
  return { id, name, provider, status, createdAt };
}

function checkName(name: unknown): string {
  if (typeof name !== 'string' || !CREDENTIAL_NAME_PATTERN.test(name)) {
    throw new InvalidArgumentError(
      'name',
      'must be 1 to 100 characters of letters, digits, ".", "_" or "-", starting with a letter or digit',
    );
  }
  return name;
}

/** Accepts a bare string as the provider's main secret field (an API key) for convenience. */
function normalizeSecret(adapter: ProviderAdapter, raw: unknown): SecretPayload {
  const value = typeof raw === 'string' ? { [adapter.spec.hintField]: raw } : raw;
  return validateFields(adapter.spec.secretFields, value, 'secret');
}

function hintOf(adapter: ProviderAdapter, secret: SecretPayload): string {
  return adapter.spec.hint ? adapter.spec.hint(secret) : maskSecret(secret[adapter.spec.hintField] ?? '');
}

function sealContext(tenant: Tenant, credentialId: string, provider: ProviderId): SealContext {
  return {
    credentialId,
    organizationId: tenant.organizationId,
    projectId: tenant.projectId,
    provider,
  };
}

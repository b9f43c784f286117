import type { Credential } from '../credentials/credential.js';
import { UnauthenticatedError } from '../errors/domain-error.js';
import type { Authenticator } from '../ports/authenticator.js';
import type { CredentialCache } from '../ports/credential-cache.js';
import type {
  ProviderAdapter,
  ProviderRegistry,
  VerifyOutcome,
  VerifyRequest,
} from '../ports/provider-registry.js';
import type { SealContext, SecretCipher } from '../ports/secret-cipher.js';
import type { Clock, IdGenerator } from '../ports/system.js';
import type { UpstreamGuard } from '../ports/upstream-guard.js';
import { InvalidArgumentError } from '../errors/domain-error.js';
import type { ProviderId, ProviderSpec } from '../providers/provider-spec.js';
import { SCOPES, type Principal, type Scope } from '../tenancy/principal.js';

/** A map-backed cache that records invalidations. */
export class MapCredentialCache implements CredentialCache {
  readonly entries = new Map<string, Credential>();
  readonly invalidated: string[] = [];
  async get(id: string) {
    return this.entries.get(id);
  }
  async set(credential: Credential) {
    this.entries.set(credential.id, credential);
  }
  async invalidate(id: string) {
    this.invalidated.push(id);
    this.entries.delete(id);
  }
}

/**
 * A reversible stand-in for the AES-GCM cipher that still refuses a foreign context, for
 * transport tests. The real cipher has its own tests in adapters-storage.
 */
export class ContextCheckingTestCipher implements SecretCipher {
  seal(plaintext: string, context: SealContext) {
    const sealed = Buffer.from(JSON.stringify({ context: contextKey(context), plaintext })).toString(
      'base64url',
    );
    return { sealed: `test.${sealed}`, keyId: 'test' };
  }
  open(sealed: string, context: SealContext): string {
    const body = JSON.parse(Buffer.from(sealed.slice(5), 'base64url').toString()) as {
      context: string;
      plaintext: string;
    };
    if (body.context !== contextKey(context))
      throw new Error('sealed secret does not belong to this context');
    return body.plaintext;
  }
}

function contextKey(c: SealContext): string {
  return [c.credentialId, c.organizationId, c.projectId, c.provider].join('/');
}

export class FixedClock implements Clock {
  constructor(public current = new Date('2026-01-01T00:00:00Z')) {}
  now() {
    return new Date(this.current);
  }
  /** Advances one millisecond per reading, so measured durations are positive and predictable. */
  private ticks = 0;
  monotonicMs() {
    this.ticks += 1;
    return this.ticks;
  }
}

/** Time-ordered UUID-shaped ids: 00000000-0000-7000-8000-000000000001, …002, … */
export class SequentialIds implements IdGenerator {
  private next = 0;
  newId() {
    this.next += 1;
    return `00000000-0000-7000-8000-${this.next.toString(16).padStart(12, '0')}`;
  }
}

/** Refuses hosts named `private.test`, accepts everything else. */
export class TestUpstreamGuard implements UpstreamGuard {
  async check(url: string, field: string) {
    if (new URL(url).hostname === 'private.test')
      throw new InvalidArgumentError(field, 'points at a private address');
  }
}

export const TEST_PROVIDER_SPEC: ProviderSpec = {
  id: 'openai',
  displayName: 'OpenAI (test)',
  capabilities: {
    chat: false,
    streaming: false,
    tools: false,
    vision: false,
    embeddings: false,
    rerank: false,
    verify: true,
  },
  secretFields: [{ name: 'apiKey', description: 'API key', required: true }],
  configFields: [{ name: 'baseUrl', description: 'Base URL', required: false, format: 'url' }],
  hintField: 'apiKey',
};

/**
 * A provider registry with one verifying provider (`openai` by default): keys starting with
 * `good` verify, `forbidden` is refused for permissions, anything else is an invalid key.
 */
export class TestProviderRegistry implements ProviderRegistry {
  readonly verifications: VerifyRequest[] = [];
  private readonly adapters = new Map<ProviderId, ProviderAdapter>();

  constructor(specs: readonly ProviderSpec[] = [TEST_PROVIDER_SPEC]) {
    for (const spec of specs) {
      const adapter: ProviderAdapter = spec.capabilities.verify
        ? { spec, verify: (request) => this.verify(request) }
        : { spec };
      this.adapters.set(spec.id, adapter);
    }
  }

  list() {
    return [...this.adapters.values()];
  }
  get(id: ProviderId) {
    return this.adapters.get(id);
  }

  private async verify(request: VerifyRequest): Promise<VerifyOutcome> {
    this.verifications.push(request);
    const key = Object.values(request.secret)[0] ?? '';
    if (key.startsWith('good')) return { ok: true };
    if (key.startsWith('forbidden')) return { ok: false, reason: 'permission_denied', message: 'no access' };
    return { ok: false, reason: 'invalid_credential', message: 'Incorrect API key provided' };
  }
}

export function testPrincipal(
  overrides: Partial<Omit<Principal, 'scopes'>> & { scopes?: Scope[] } = {},
): Principal {
  return {
    subject: overrides.subject ?? 'test-user',
    organizationId: overrides.organizationId ?? 'org-a',
    projectId: overrides.projectId ?? 'proj-a',
    scopes: new Set(overrides.scopes ?? SCOPES),
  };
}

/** Maps fixed token strings to principals. */
export class StaticAuthenticator implements Authenticator {
  constructor(private readonly tokens: Readonly<Record<string, Principal>>) {}
  async authenticate(token: string | undefined): Promise<Principal> {
    const principal = token ? this.tokens[token] : undefined;
    if (!principal) throw new UnauthenticatedError();
    return principal;
  }
}

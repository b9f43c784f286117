import {
  CredentialService,
  InferenceService,
  ProviderError,
  ProviderUnavailableError,
  type ProviderAdapter,
  type ProviderId,
  type ProviderRegistry,
  type ProviderSpec,
  type Readiness,
} from '@integration-api/core';
import {
  ContextCheckingTestCipher,
  FixedClock,
  InMemoryCredentialRepository,
  MapCredentialCache,
  SequentialIds,
  StaticAuthenticator,
  TEST_PROVIDER_SPEC,
  TestProviderRegistry,
  TestUpstreamGuard,
  testPrincipal,
} from '@integration-api/core/testing';
import type { FastifyInstance } from 'fastify';
import { buildHttpApp, type HttpAppDeps } from '../build-http-app.js';

export const TOKENS = {
  /** org-a/proj-a with every scope. */
  admin: 'admin-token',
  /** org-a/proj-a, credentials:read only. */
  reader: 'reader-token',
  /** org-a/proj-a, inference only. */
  inference: 'inference-token',
  /** org-b/proj-b with every scope. */
  otherTenant: 'other-tenant-token',
} as const;

export function bearer(token: string): { authorization: string } {
  return { authorization: `Bearer ${token}` };
}

/** A provider that declares no verification, beside the verifying test `openai`. */
export const UNVERIFIABLE_SPEC: ProviderSpec = {
  ...TEST_PROVIDER_SPEC,
  id: 'mistral',
  displayName: 'Mistral (test)',
  capabilities: { ...TEST_PROVIDER_SPEC.capabilities, verify: false },
  configFields: [],
};

/**
 * Wraps the test registry so that keys starting with `down` find the provider unreachable, and
 * keys starting with `limited` find it limiting the rate (retry after 7 s).
 */
class ReachabilityRegistry implements ProviderRegistry {
  constructor(private readonly inner: ProviderRegistry) {}
  list() {
    return this.inner.list().map((adapter) => this.wrap(adapter));
  }
  get(id: ProviderId) {
    const adapter = this.inner.get(id);
    return adapter && this.wrap(adapter);
  }
  private wrap(adapter: ProviderAdapter): ProviderAdapter {
    const verify = adapter.verify?.bind(adapter);
    if (!verify) return adapter;
    return {
      spec: adapter.spec,
      verify: async (request) => {
        if (Object.values(request.secret)[0]?.startsWith('down')) {
          throw new ProviderUnavailableError(adapter.spec.id, 'connection refused');
        }
        if (Object.values(request.secret)[0]?.startsWith('limited')) {
          throw new ProviderError('rate_limited', adapter.spec.id, 'Rate limit reached for requests', {
            retryAfterSeconds: 7,
            status: 429,
          });
        }
        return verify(request);
      },
    };
  }
}

export interface LogLine {
  readonly level: string;
  readonly args: readonly unknown[];
}

/** A pino-shaped logger that keeps what it is told, to assert on what was logged. */
export function recordingLogger(lines: LogLine[] = []) {
  const record =
    (level: string) =>
    (...args: unknown[]) => {
      lines.push({ level, args });
    };
  const logger = {
    level: 'trace',
    lines,
    trace: record('trace'),
    debug: record('debug'),
    info: record('info'),
    warn: record('warn'),
    error: record('error'),
    fatal: record('fatal'),
    silent: record('silent'),
    child: () => logger,
  };
  return logger;
}

export interface TestApp {
  readonly app: FastifyInstance;
  readonly repository: InMemoryCredentialRepository;
  readonly clock: FixedClock;
  readonly credentials: CredentialService;
  readonly inference: InferenceService;
}

/**
 * The real app over a real CredentialService and InferenceService and the core's in-memory fakes.
 * A `providers` override serves the services too (scripted adapters for inference tests).
 */
export async function testApp(overrides: Partial<HttpAppDeps> = {}): Promise<TestApp> {
  const repository = new InMemoryCredentialRepository();
  const clock = new FixedClock();
  const providers =
    overrides.providers ??
    new ReachabilityRegistry(new TestProviderRegistry([TEST_PROVIDER_SPEC, UNVERIFIABLE_SPEC]));
  const credentials = new CredentialService({
    repository,
    cache: new MapCredentialCache(),
    cipher: new ContextCheckingTestCipher(),
    providers,
    upstreamGuard: new TestUpstreamGuard(),
    clock,
    ids: new SequentialIds(),
  });
  const authenticator = new StaticAuthenticator({
    [TOKENS.admin]: testPrincipal(),
    [TOKENS.reader]: testPrincipal({ subject: 'reader', scopes: ['credentials:read'] }),
    [TOKENS.inference]: testPrincipal({ subject: 'inference', scopes: ['inference'] }),
    [TOKENS.otherTenant]: testPrincipal({ subject: 'other', organizationId: 'org-b', projectId: 'proj-b' }),
  });
  const readiness = async (): Promise<Readiness> => ({
    ready: true,
    dependencies: [
      { name: 'database', ok: true },
      { name: 'cache', ok: true },
    ],
  });
  const inference = new InferenceService({ credentials, providers, clock });
  const app = await buildHttpApp({
    credentials,
    inference,
    providers,
    authenticator,
    readiness,
    ...overrides,
  });
  return { app, repository, clock, credentials, inference };
}

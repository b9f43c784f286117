import {
  CredentialService,
  InferenceService,
  checkReadiness,
  type Authenticator,
  type Clock,
  type CredentialCache,
  type CredentialRepository,
  type HealthCheck,
  type IdGenerator,
  type ProviderRegistry,
  type Readiness,
  type SecretCipher,
  type UpstreamGuard,
} from '@integration-api/core';
import {
  PrivateAddressUpstreamGuard,
  UpstreamClients,
  createProviderRegistry,
} from '@integration-api/adapters-llm';
import { PostgresCredentialRepository } from '@integration-api/adapters-storage';
import { Container, type ServiceIdentifier } from 'inversify';
import type { Logger } from 'pino';
import { JwtAuthenticator } from './auth/jwt.js';
import type { Config } from './config/config.js';
import type { Infrastructure } from './infrastructure/infrastructure.js';
import { systemClock, uuidV7 } from './system/system.js';

/** Service identifiers: the only place that names concrete adapters is this module. */
export const TOKENS = {
  Config: Symbol('Config'),
  Logger: Symbol('Logger'),
  Infrastructure: Symbol('Infrastructure'),
  CredentialRepository: Symbol('CredentialRepository'),
  CredentialCache: Symbol('CredentialCache'),
  SecretCipher: Symbol('SecretCipher'),
  UpstreamClients: Symbol('UpstreamClients'),
  UpstreamGuard: Symbol('UpstreamGuard'),
  ProviderRegistry: Symbol('ProviderRegistry'),
  Clock: Symbol('Clock'),
  IdGenerator: Symbol('IdGenerator'),
  Authenticator: Symbol('Authenticator'),
  CredentialService: Symbol('CredentialService'),
  InferenceService: Symbol('InferenceService'),
  Readiness: Symbol('Readiness'),
} as const satisfies Record<string, ServiceIdentifier>;

export interface ContainerInputs {
  readonly config: Config;
  readonly logger: Logger;
  readonly infrastructure: Infrastructure;
  readonly jwtSecret: string;
}

/**
 * Wires ports to adapters. Everything is a singleton resolved once at start-up; nothing is
 * resolved per request.
 */
export function buildContainer({ config, logger, infrastructure, jwtSecret }: ContainerInputs): Container {
  const container = new Container({ defaultScope: 'Singleton' });
  const bind = <T>(id: ServiceIdentifier<T>, factory: () => T) =>
    container.bind<T>(id).toDynamicValue(factory);
  const get = <T>(id: ServiceIdentifier<T>): T => container.get<T>(id);

  container.bind<Config>(TOKENS.Config).toConstantValue(config);
  container.bind<Logger>(TOKENS.Logger).toConstantValue(logger);
  container.bind<Infrastructure>(TOKENS.Infrastructure).toConstantValue(infrastructure);

  bind<CredentialRepository>(
    TOKENS.CredentialRepository,
    () => new PostgresCredentialRepository(infrastructure.db),
  );
  bind<CredentialCache>(TOKENS.CredentialCache, () => infrastructure.cache);
  bind<SecretCipher>(TOKENS.SecretCipher, () => infrastructure.cipher);
  bind<UpstreamClients>(
    TOKENS.UpstreamClients,
    () => new UpstreamClients({ ...config.upstream, allowPrivate: config.allowPrivateUpstreams }),
  );
  bind<UpstreamGuard>(
    TOKENS.UpstreamGuard,
    () => new PrivateAddressUpstreamGuard({ allowPrivate: config.allowPrivateUpstreams }),
  );
  bind<ProviderRegistry>(TOKENS.ProviderRegistry, () =>
    createProviderRegistry({ clients: get<UpstreamClients>(TOKENS.UpstreamClients) }),
  );
  bind<Clock>(TOKENS.Clock, () => systemClock);
  bind<IdGenerator>(TOKENS.IdGenerator, () => uuidV7);
  bind<Authenticator>(TOKENS.Authenticator, () => new JwtAuthenticator(jwtSecret));
  bind<CredentialService>(
    TOKENS.CredentialService,
    () =>
      new CredentialService({
        repository: get(TOKENS.CredentialRepository),
        cache: get(TOKENS.CredentialCache),
        cipher: get(TOKENS.SecretCipher),
        providers: get(TOKENS.ProviderRegistry),
        upstreamGuard: get(TOKENS.UpstreamGuard),
        clock: get(TOKENS.Clock),
        ids: get(TOKENS.IdGenerator),
      }),
  );
  bind<InferenceService>(
    TOKENS.InferenceService,
    () =>
      new InferenceService({
        credentials: get(TOKENS.CredentialService),
        providers: get(TOKENS.ProviderRegistry),
        clock: get(TOKENS.Clock),
      }),
  );
  bind<() => Promise<Readiness>>(TOKENS.Readiness, () => {
    const checks: readonly HealthCheck[] = infrastructure.healthChecks;
    return () => checkReadiness(checks, config.readinessTimeoutMs);
  });
  return container;
}

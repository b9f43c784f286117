import type {
  Authenticator,
  CredentialService,
  InferenceService,
  ProviderRegistry,
  Readiness,
} from '@integration-api/core';
import type { UpstreamClients } from '@integration-api/adapters-llm';
import { createGrpcServer } from '@integration-api/transport-grpc';
import { buildHttpApp } from '@integration-api/transport-http';
import type { Container } from 'inversify';
import type { Logger } from 'pino';
import { mintToken } from './auth/jwt.js';
import type { Config } from './config/config.js';
import { loadOrCreateDevSecrets } from './config/dev-secrets.js';
import { TOKENS, buildContainer } from './container.js';
import { startInfrastructure } from './infrastructure/infrastructure.js';
import { startOnePortListener } from './one-port/one-port-listener.js';

export interface RunningServer {
  readonly port: number;
  /** The composition root, for tools and tests that need a wired service. */
  readonly container: Container;
  /** Dev mode only: a token for the dev tenant, printed at start-up. */
  readonly devToken?: string;
  /** Graceful: stops accepting, lets in-flight work finish within the grace, then closes everything. */
  stop(): Promise<void>;
}

export const DEV_TENANT = { organizationId: 'dev-org', projectId: 'dev-project' } as const;

export async function startServer(config: Config, logger: Logger): Promise<RunningServer> {
  const { cryptoKey, jwtSecret, dev } = await resolveSecrets(config, logger);
  const infrastructure = await startInfrastructure(config, { cryptoKey }, logger);
  try {
    const container = buildContainer({ config, logger, infrastructure, jwtSecret });
    const credentials = container.get<CredentialService>(TOKENS.CredentialService);
    const inference = container.get<InferenceService>(TOKENS.InferenceService);
    const providers = container.get<ProviderRegistry>(TOKENS.ProviderRegistry);
    const authenticator = container.get<Authenticator>(TOKENS.Authenticator);
    const readiness = container.get<() => Promise<Readiness>>(TOKENS.Readiness);
    const upstreamClients = container.get<UpstreamClients>(TOKENS.UpstreamClients);

    const http = await buildHttpApp({
      credentials,
      inference,
      providers,
      authenticator,
      readiness,
      logger,
      bodyLimitBytes: config.bodyLimitBytes,
    });
    const grpc = createGrpcServer({
      credentials,
      inference,
      providers,
      authenticator,
      onInternalError: (error, method) => logger.error({ err: error, method }, 'gRPC call failed'),
    });
    const listener = await startOnePortListener({
      host: config.host,
      port: config.port,
      httpServer: http.server,
      grpcServer: grpc.server,
      logger,
    });
    logger.info({ host: config.host, port: listener.port }, 'serving REST and gRPC on one port');

    const devToken = dev
      ? await mintToken(jwtSecret, { subject: 'dev', ...DEV_TENANT, expiresIn: '30d' })
      : undefined;

    let stopping: Promise<void> | undefined;
    const stop = () =>
      (stopping ??= (async () => {
        logger.info({ graceMs: config.shutdownGraceMs }, 'shutting down');
        grpc.setServing(false);
        // The listener drains both protocols (and shuts the gRPC server down) before fastify closes,
        // which would otherwise answer requests arriving meanwhile with 503.
        await listener.close(config.shutdownGraceMs);
        await http.close();
        await upstreamClients.close();
        await infrastructure.close();
        logger.info('stopped');
      })());
    return { port: listener.port, container, stop, ...(devToken ? { devToken } : {}) };
  } catch (error) {
    await infrastructure.close();
    throw error;
  }
}

/** Configured secrets, or in dev mode generated ones kept in the data directory. */
async function resolveSecrets(
  config: Config,
  logger: Logger,
): Promise<{ cryptoKey: string; jwtSecret: string; dev: boolean }> {
  if (config.cryptoKey && config.jwtSecret) {
    return { cryptoKey: config.cryptoKey, jwtSecret: config.jwtSecret, dev: false };
  }
  const { secrets, path, created } = await loadOrCreateDevSecrets(config.dataDir);
  logger.warn(
    { path, created },
    '!!! DEV MODE: INTEGRATION_CRYPTO_KEY and/or INTEGRATION_JWT_SECRET are not set; using generated ' +
      'development secrets from the data directory. Never run like this in production (NODE_ENV=production refuses). !!!',
  );
  return {
    cryptoKey: config.cryptoKey ?? secrets.cryptoKey,
    jwtSecret: config.jwtSecret ?? secrets.jwtSecret,
    dev: true,
  };
}

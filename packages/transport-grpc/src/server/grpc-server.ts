import { Server, type ServerOptions } from '@grpc/grpc-js';
import type {
  Authenticator,
  CredentialService,
  InferenceService,
  ProviderRegistry,
} from '@integration-api/core';
import { composeServerMiddleware } from 'nice-grpc';
import { HealthDefinition, HealthServiceImpl, HealthState } from 'nice-grpc-server-health';
import { ServerReflection, ServerReflectionService } from 'nice-grpc-server-reflection';
import { createAuthMiddleware } from '../auth/auth-middleware.js';
import { createCredentialServiceImpl } from '../credentials/credential-service-impl.js';
import { createErrorMiddleware, type ErrorMiddlewareOptions } from '../errors/error-middleware.js';
import { descriptorSet } from '../generated/descriptor-set.js';
import { CredentialServiceDefinition } from '../generated/integration/v1/credentials.js';
import { InferenceServiceDefinition } from '../generated/integration/v1/inference.js';
import { createInferenceServiceImpl } from '../inference/inference-service-impl.js';
import { addService, serviceNameOf } from './add-service.js';

export interface GrpcServerDeps extends ErrorMiddlewareOptions {
  readonly credentials: CredentialService;
  readonly providers: ProviderRegistry;
  readonly inference: InferenceService;
  readonly authenticator: Authenticator;
  /** grpc-js server options (message size limits, keepalive...). */
  readonly serverOptions?: ServerOptions;
}

export interface GrpcServer {
  /**
   * A grpc-js Server with every service registered and no port bound: hand it sockets through
   * `server.createConnectionInjector(credentials)`, or bind it yourself (`bindAsync`) in tests.
   */
  readonly server: Server;
  /** The grpc.health.v1 state: "" (the whole server) and each application service. */
  readonly health: HealthState;
  /** Fully qualified names of the application services (`integration.v1.CredentialService`, …). */
  readonly serviceNames: readonly string[];
  /** Reports SERVING or NOT_SERVING for the server and each application service. */
  setServing(serving: boolean): void;
  /**
   * Reports NOT_SERVING, lets calls finish for up to `graceMs`, then cancels what is left (a health
   * Watch or a long stream would otherwise hold the shutdown forever).
   */
  shutdown(graceMs: number): Promise<void>;
}

/**
 * Builds the gRPC side of the service: integration.v1.CredentialService and InferenceService behind
 * the auth middleware, plus grpc.health.v1.Health and grpc.reflection.v1.ServerReflection without
 * auth (probes and tools call them without a token); the error middleware wraps all of them.
 */
export function createGrpcServer(deps: GrpcServerDeps): GrpcServer {
  const server = new Server(deps.serverOptions);
  const errors = createErrorMiddleware(deps);
  const authenticated = composeServerMiddleware(errors, createAuthMiddleware(deps.authenticator));

  addService(server, CredentialServiceDefinition, createCredentialServiceImpl(deps), authenticated);
  addService(server, InferenceServiceDefinition, createInferenceServiceImpl(deps), authenticated);
  const serviceNames = [
    serviceNameOf(CredentialServiceDefinition),
    serviceNameOf(InferenceServiceDefinition),
  ];

  const health = HealthState();
  addService(server, HealthDefinition, HealthServiceImpl(health), errors);
  // Reflection describes the services of our own descriptor set; health and reflection are
  // standard and their clients have them built in.
  addService(server, ServerReflectionService, ServerReflection(descriptorSet, serviceNames), errors);

  const setServing = (serving: boolean) => {
    for (const name of ['', ...serviceNames]) health.setStatus(serving ? 'healthy' : 'unhealthy', name);
  };
  setServing(true);

  return {
    server,
    health,
    serviceNames,
    setServing,
    shutdown: (graceMs) => {
      setServing(false);
      return shutdownWithin(server, graceMs);
    },
  };
}

function shutdownWithin(server: Server, graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      server.forceShutdown();
      resolve();
    }, graceMs);
    server.tryShutdown(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

import type {
  Authenticator,
  CredentialService,
  InferenceService,
  ProviderRegistry,
  Readiness,
} from '@integration-api/core';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { authentication } from './auth/authentication.js';
import { credentialsRoutes } from './credentials/credentials-routes.js';
import { apiDocs } from './docs/api-docs.js';
import { errorHandling } from './errors/error-handling.js';
import { healthRoutes } from './health/health-routes.js';
import { lazyRequestLogger } from './logging/lazy-request-logger.js';
import { openAiCompat } from './openai-compat/openai-compat.js';
import { providersRoutes } from './providers/providers-routes.js';
import { strictBodyValidator } from './validation/validator-compiler.js';

export const DEFAULT_BODY_LIMIT_BYTES = 64 * 1024;
/** The OpenAI-compatible routes carry conversations and inline images. */
export const DEFAULT_INFERENCE_BODY_LIMIT_BYTES = 16 * 1024 * 1024;

export interface HttpAppDeps {
  readonly credentials: CredentialService;
  /** Serves the OpenAI-compatible API (`/v1/chat/completions`, `/v1/embeddings`, …). */
  readonly inference: InferenceService;
  readonly providers: ProviderRegistry;
  readonly authenticator: Authenticator;
  /** Pings the dependencies; `GET /readiness` answers 503 when one fails. */
  readonly readiness: () => Promise<Readiness>;
  /** A pino (or pino-compatible) logger, redacting as the server configured it. Default: no logging. */
  readonly logger?: FastifyBaseLogger;
  /** Largest request body accepted; larger ones get 413. Default 64 KiB. */
  readonly bodyLimitBytes?: number;
  /** The same for the OpenAI-compatible routes. Default 16 MiB. */
  readonly inferenceBodyLimitBytes?: number;
}

/**
 * The REST app, ready (every plugin loaded) but not listening: the server owns the port and
 * hands HTTP connections to `app.server`. Close it with `app.close()`.
 */
export async function buildHttpApp(deps: HttpAppDeps): Promise<FastifyInstance> {
  const bodyLimitBytes = deps.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES;
  const app = Fastify({
    ...(deps.logger
      ? { loggerInstance: deps.logger, childLoggerFactory: lazyRequestLogger }
      : { logger: false }),
    bodyLimit: bodyLimitBytes,
    routerOptions: { ignoreTrailingSlash: true },
    schemaController: { compilersFactory: { buildValidator: strictBodyValidator() } },
  });

  await app.register(errorHandling, { bodyLimitBytes });
  await app.register(apiDocs);
  await app.register(healthRoutes, { readiness: deps.readiness });
  await app.register(async (api) => {
    await api.register(authentication, { authenticator: deps.authenticator });
    await api.register(credentialsRoutes, { prefix: '/v1/credentials', credentials: deps.credentials });
    await api.register(providersRoutes, { prefix: '/v1/providers', providers: deps.providers });
    await api.register(openAiCompat, {
      prefix: '/v1',
      inference: deps.inference,
      credentials: deps.credentials,
      providers: deps.providers,
      bodyLimitBytes: deps.inferenceBodyLimitBytes ?? DEFAULT_INFERENCE_BODY_LIMIT_BYTES,
    });
  });

  await app.ready();
  return app;
}

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { CredentialService, InferenceService, ProviderRegistry } from '@integration-api/core';
import { chatCompletionsRoute } from './chat-completions-route.js';
import { embeddingsRoute } from './embeddings-route.js';
import { modelsRoute } from './models-route.js';
import { openAiErrorHandler } from './openai-error-handling.js';
import { rerankRoute } from './rerank-route.js';

export interface OpenAiCompatOptions {
  readonly inference: InferenceService;
  readonly credentials: CredentialService;
  readonly providers: ProviderRegistry;
  /** Largest request body: images travel inline, so more than the admin API allows. */
  readonly bodyLimitBytes: number;
}

export type OpenAiRoutesOptions = OpenAiCompatOptions;

/**
 * OpenAI's REST API over every provider: register it with prefix `/v1` in a scope that
 * authenticates. It is encapsulated, so its error handler (OpenAI's error body) covers its own
 * routes only; each area (`/v1/chat`, `/v1/embeddings`…) also answers its unknown paths in that shape.
 */
export const openAiCompat: FastifyPluginAsyncTypebox<OpenAiCompatOptions> = async (app, options) => {
  app.setErrorHandler(openAiErrorHandler(options.bodyLimitBytes));
  await app.register(chatCompletionsRoute, { ...options, prefix: '/chat' });
  await app.register(embeddingsRoute, { ...options, prefix: '/embeddings' });
  await app.register(rerankRoute, { ...options, prefix: '/rerank' });
  await app.register(modelsRoute, { ...options, prefix: '/models' });
};

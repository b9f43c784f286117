import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { principalOf } from '../auth/authentication.js';
import { clientAbortSignal } from './client-abort-signal.js';
import { encodingFormatOf, toEmbedRequest, toEmbeddingsResponse } from './convert-embeddings.js';
import { findUsableCredential, parseModelRef } from './model-ref.js';
import type { OpenAiRoutesOptions } from './openai-compat.js';
import { openAiNotFound } from './openai-error-handling.js';
import { EmbeddingsBody } from './openai-schemas.js';
import { OVERHEAD_HEADER, overheadMs } from './overhead.js';

/** `POST /v1/embeddings`, in float or (the official SDK's default) base64 encoding. */
export const embeddingsRoute: FastifyPluginAsyncTypebox<OpenAiRoutesOptions> = async (
  app,
  { inference, credentials, bodyLimitBytes },
) => {
  app.setNotFoundHandler(openAiNotFound);
  app.post(
    '/',
    {
      bodyLimit: bodyLimitBytes,
      schema: {
        tags: ['openai'],
        summary: 'Embeddings with any stored credential (OpenAI-compatible)',
        body: EmbeddingsBody,
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const { body } = request;
      const ref = parseModelRef(body.model);
      const embedRequest = toEmbedRequest(body, ref.model);
      const format = encodingFormatOf(body.encoding_format);
      const credential = await findUsableCredential(credentials, principal, ref.credential);
      const result = await inference.embed(principal, {
        credentialId: credential.id,
        request: embedRequest,
        signal: clientAbortSignal(reply),
      });
      reply.header(OVERHEAD_HEADER, overheadMs(reply.elapsedTime, result.metrics.latencyMs));
      return toEmbeddingsResponse(result, `${ref.credential}/${result.model ?? ref.model}`, format);
    },
  );
};

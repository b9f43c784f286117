import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { principalOf } from '../auth/authentication.js';
import { clientAbortSignal } from './client-abort-signal.js';
import { documentTexts, toRerankRequest, toRerankResponse } from './convert-rerank.js';
import { findUsableCredential, parseModelRef } from './model-ref.js';
import type { OpenAiRoutesOptions } from './openai-compat.js';
import { openAiNotFound } from './openai-error-handling.js';
import { RerankBody } from './openai-schemas.js';
import { OVERHEAD_HEADER, overheadMs } from './overhead.js';

/** `POST /v1/rerank`, with Cohere's body (`model`, `query`, `documents`, `top_n`), as most rerank clients send. */
export const rerankRoute: FastifyPluginAsyncTypebox<OpenAiRoutesOptions> = async (
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
        summary: 'Rerank documents with any stored credential (Cohere-style body)',
        body: RerankBody,
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const { body } = request;
      const ref = parseModelRef(body.model);
      const rerankRequest = toRerankRequest(body, ref.model);
      const credential = await findUsableCredential(credentials, principal, ref.credential);
      const result = await inference.rerank(principal, {
        credentialId: credential.id,
        request: rerankRequest,
        signal: clientAbortSignal(reply),
      });
      reply.header(OVERHEAD_HEADER, overheadMs(reply.elapsedTime, result.metrics.latencyMs));
      return toRerankResponse(
        result,
        `${ref.credential}/${result.model ?? ref.model}`,
        body.return_documents ? documentTexts(body) : undefined,
      );
    },
  );
};

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DomainError, type ProviderRegistry, type UsableCredential } from '@integration-api/core';
import { Type } from 'typebox';
import { principalOf } from '../auth/authentication.js';
import { findUsableCredential, listUsableCredentials, parseModelRef } from './model-ref.js';
import type { OpenAiRoutesOptions } from './openai-compat.js';
import { openAiNotFound } from './openai-error-handling.js';
import { OVERHEAD_HEADER, overheadMs } from './overhead.js';

export interface OpenAiModel {
  readonly id: string;
  readonly object: 'model';
  readonly created: number;
  readonly owned_by: string;
}

/**
 * `GET /v1/models`: one entry per credential that can do inference, its id the credential's name
 * (the part of `model` before the `/`) and `owned_by` its provider. Provider models are not
 * listed: most providers' lists are long, change often and cost a call each.
 */
export const modelsRoute: FastifyPluginAsyncTypebox<OpenAiRoutesOptions> = async (
  app,
  { credentials, providers },
) => {
  app.setNotFoundHandler(openAiNotFound);
  app.get(
    '/',
    {
      schema: {
        tags: ['openai'],
        summary: 'The credentials usable as the first part of `model` (OpenAI-compatible)',
      },
    },
    async (request, reply) => {
      const usable = await listUsableCredentials(credentials, principalOf(request));
      const data = usable
        .filter((credential) => canInfer(providers, credential))
        .map((credential) => toModel(credential.name, credential));
      reply.header(OVERHEAD_HEADER, overheadMs(reply.elapsedTime, 0));
      return { object: 'list', data };
    },
  );

  app.get(
    '/*',
    {
      schema: {
        tags: ['openai'],
        summary: 'One model: `<credential>` or `<credential>/<provider model>` (OpenAI-compatible)',
        description:
          'Checks the credential; whether the provider knows the model is only known by calling it.',
        params: Type.Object({ '*': Type.String() }),
      },
    },
    async (request, reply) => {
      const id = request.params['*'];
      const ref = parseModelRef(id, { requireModel: false });
      const credential = await findUsableCredential(credentials, principalOf(request), ref.credential);
      if (!canInfer(providers, credential)) {
        throw new DomainError('not_found', `credential "${ref.credential}" cannot be used for inference`, {
          field: 'model',
        });
      }
      reply.header(OVERHEAD_HEADER, overheadMs(reply.elapsedTime, 0));
      return toModel(id, credential);
    },
  );
};

function canInfer(providers: ProviderRegistry, credential: UsableCredential): boolean {
  const capabilities = providers.get(credential.provider)?.spec.capabilities;
  return Boolean(capabilities && (capabilities.chat || capabilities.embeddings || capabilities.rerank));
}

function toModel(id: string, credential: UsableCredential): OpenAiModel {
  return {
    id,
    object: 'model',
    created: Math.floor(credential.createdAt.getTime() / 1000),
    owned_by: credential.provider,
  };
}

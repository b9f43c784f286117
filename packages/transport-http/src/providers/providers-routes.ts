import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { fieldsToJsonSchema, type ProviderRegistry } from '@integration-api/core';
import { Type } from 'typebox';
import { principalOf } from '../auth/authentication.js';
import { errorResponses } from '../errors/error-schema.js';

export interface ProvidersRoutesOptions {
  readonly providers: ProviderRegistry;
}

const JsonSchema = Type.Object(
  {},
  { additionalProperties: true, description: 'A JSON schema of the fields, to draw the credential form.' },
);

const ProviderJson = Type.Object(
  {
    id: Type.String(),
    displayName: Type.String(),
    capabilities: Type.Object(
      {
        chat: Type.Boolean(),
        streaming: Type.Boolean(),
        tools: Type.Boolean(),
        vision: Type.Boolean(),
        embeddings: Type.Boolean(),
        rerank: Type.Boolean(),
        verify: Type.Boolean(),
      },
      { additionalProperties: false },
    ),
    secretSchema: JsonSchema,
    configSchema: JsonSchema,
  },
  { additionalProperties: false },
);

const ProviderList = Type.Object(
  { data: Type.Array(ProviderJson) },
  { additionalProperties: false, description: 'The providers this service can store credentials for.' },
);

/** The provider catalog, read from the same declarations that validate stored credentials. */
export const providersRoutes: FastifyPluginAsyncTypebox<ProvidersRoutesOptions> = async (
  app,
  { providers },
) => {
  app.get(
    '/',
    {
      schema: {
        tags: ['providers'],
        summary: 'List the providers and the fields their credentials take',
        response: { 200: ProviderList, ...errorResponses(401) },
      },
    },
    async (request) => {
      principalOf(request); // any authenticated caller may read the catalog, whatever its scopes
      return {
        data: providers.list().map(({ spec }) => ({
          id: spec.id,
          displayName: spec.displayName,
          capabilities: { ...spec.capabilities },
          secretSchema: fieldsToJsonSchema(spec.secretFields),
          configSchema: fieldsToJsonSchema(spec.configFields),
        })),
      };
    },
  );
};

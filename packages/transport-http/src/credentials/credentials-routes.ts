import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { MAX_PAGE_SIZE, type CredentialService, type CredentialView } from '@integration-api/core';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { principalOf } from '../auth/authentication.js';
import { errorResponses } from '../errors/error-schema.js';
import { CredentialJson, credentialResponse, toCredentialJson } from './credential-json.js';
import { expectedVersion, versionFromIfMatch, versionTag } from './if-match.js';

export interface CredentialsRoutesOptions {
  readonly credentials: CredentialService;
}

// Shapes only: which fields a provider takes, and their formats, are the domain's to check
// (against the provider's declaration), and its errors name the field (`config.baseUrl`).
const SecretInput = Type.Union(
  [
    Type.String({
      minLength: 1,
      maxLength: 16_384,
      description: "The provider's main secret, e.g. its API key.",
    }),
    Type.Record(Type.String(), Type.String(), {
      description: 'The secret fields the provider declares (`secretSchema` in GET /v1/providers).',
    }),
  ],
  { description: 'Write-only: sealed at rest and never returned.' },
);
const ConfigInput = Type.Record(Type.String(), Type.String(), {
  description: 'Non-secret settings the provider declares (`configSchema` in GET /v1/providers).',
});
const NameInput = Type.String({
  minLength: 1,
  maxLength: 100,
  description: 'Unique in the project: letters, digits, ".", "_" or "-", starting with a letter or digit.',
});
const VerifyInput = Type.Boolean({
  description: 'Check the secret with the provider before saving. Default: when the provider supports it.',
});

const CreateCredentialBody = Type.Object(
  {
    provider: Type.String({
      minLength: 1,
      maxLength: 64,
      description: 'A provider id from GET /v1/providers.',
    }),
    name: NameInput,
    secret: SecretInput,
    config: Type.Optional(ConfigInput),
    verify: Type.Optional(VerifyInput),
  },
  { additionalProperties: false },
);

const UpdateCredentialBody = Type.Object(
  {
    name: Type.Optional(NameInput),
    secret: Type.Optional(SecretInput),
    config: Type.Optional(
      Type.Record(Type.String(), Type.String(), { description: 'Replaces the whole config.' }),
    ),
    verify: Type.Optional(VerifyInput),
    version: Type.Optional(
      Type.Integer({ minimum: 1, description: 'Apply only at this version; an alternative to If-Match.' }),
    ),
  },
  { additionalProperties: false },
);

const ListQuery = Type.Object({
  provider: Type.Optional(Type.String({ maxLength: 64, description: 'Only credentials of this provider.' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 20 })),
  cursor: Type.Optional(Type.String({ maxLength: 512, description: '`nextCursor` of the previous page.' })),
});

const CredentialPage = Type.Object(
  {
    data: Type.Array(Type.Ref('Credential')),
    nextCursor: Type.Optional(Type.String({ description: 'Absent on the last page.' })),
  },
  { additionalProperties: false, description: 'One page of credentials, oldest first.' },
);

const IdParams = Type.Object({ id: Type.String({ format: 'uuid', description: 'The credential id.' }) });

const IfMatchHeaders = Type.Object({
  'if-match': Type.Optional(
    Type.String({ description: 'The `ETag` you read, e.g. `"3"`: the change applies only at that version.' }),
  ),
});

const tags = ['credentials'];

/** Admin of the tenant's credentials. Scopes and tenancy are checked by the CredentialService. */
export const credentialsRoutes: FastifyPluginAsyncTypebox<CredentialsRoutesOptions> = async (
  app,
  { credentials },
) => {
  app.addSchema(CredentialJson);
  const locationOf = (id: string) => `${app.prefix}/${id}`;

  app.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Store a credential (verified with the provider first when it can)',
        body: CreateCredentialBody,
        response: {
          201: credentialResponse('Stored.', { created: true }),
          ...errorResponses(400, 401, 403, 409, 413, 422, 429, 503),
        },
      },
    },
    async (request, reply) => {
      const view = await credentials.create(principalOf(request), request.body);
      reply.header('location', locationOf(view.id));
      return withVersion(reply, view).code(201).send(toCredentialJson(view));
    },
  );

  app.get(
    '/',
    {
      schema: {
        tags,
        summary: "List the project's credentials",
        querystring: ListQuery,
        response: { 200: CredentialPage, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const page = await credentials.list(principalOf(request), request.query);
      return {
        data: page.items.map(toCredentialJson),
        ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
      };
    },
  );

  app.get(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Read a credential',
        params: IdParams,
        response: { 200: credentialResponse('The credential.'), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const view = await credentials.get(principalOf(request), request.params.id);
      return withVersion(reply, view).send(toCredentialJson(view));
    },
  );

  app.patch(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Change a credential (a new secret or config is verified again)',
        params: IdParams,
        headers: IfMatchHeaders,
        body: UpdateCredentialBody,
        response: {
          200: credentialResponse('The updated credential.'),
          ...errorResponses(400, 401, 403, 404, 409, 412, 413, 422, 429, 503),
        },
      },
    },
    async (request, reply) => {
      const { version, ...changes } = request.body;
      const view = await credentials.update(principalOf(request), request.params.id, {
        ...changes,
        expectedVersion: expectedVersion(version, request.headers['if-match']),
      });
      return withVersion(reply, view).send(toCredentialJson(view));
    },
  );

  app.delete(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Delete a credential',
        params: IdParams,
        headers: IfMatchHeaders,
        response: {
          204: Type.Null({ description: 'Deleted.' }),
          ...errorResponses(400, 401, 403, 404, 412),
        },
      },
    },
    async (request, reply) => {
      const version = versionFromIfMatch(request.headers['if-match']);
      await credentials.delete(principalOf(request), request.params.id, version);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/:id/verify',
    {
      schema: {
        tags,
        summary: 'Check the stored secret with the provider now and record the verdict',
        description:
          'A refusal is a result (`status: invalid` with `lastVerificationError`), not an error; ' +
          'an unreachable provider answers 503 and one that limits the rate 429 (with Retry-After); ' +
          'neither changes anything.',
        params: IdParams,
        response: {
          200: credentialResponse('The credential with its new verification status.'),
          ...errorResponses(400, 401, 403, 404, 422, 429, 503),
        },
      },
    },
    async (request, reply) => {
      const view = await credentials.verify(principalOf(request), request.params.id);
      return withVersion(reply, view).send(toCredentialJson(view));
    },
  );
};

function withVersion(reply: FastifyReply, view: CredentialView): FastifyReply {
  return reply.header('etag', versionTag(view.version));
}

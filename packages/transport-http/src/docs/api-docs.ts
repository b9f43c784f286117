import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';

export const DOCS_PREFIX = '/docs';

/**
 * The OpenAPI document, built from the route schemas, at `/docs/json` (and `/docs/yaml`), and a
 * browsable UI at `/docs`. Not encapsulated: it must see the routes registered after it.
 */
const apiDocsPlugin: FastifyPluginAsync = async (app) => {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'integration-api',
        description:
          'Stores AI-provider credentials sealed at rest and proxies inference. Every route but ' +
          'health and these docs needs `Authorization: Bearer <token>`. Admin errors have one shape, ' +
          '`{ "error": { "code", "message", "details" } }`; the OpenAI-compatible routes answer with ' +
          'the OpenAI error body `{ "error": { "message", "type", "param", "code" } }`.',
        version: '1',
      },
      components: {
        securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } },
      },
      security: [{ bearerAuth: [] }],
      tags: [
        { name: 'credentials', description: 'Provider credentials of the calling project' },
        { name: 'providers', description: 'The provider catalog' },
        { name: 'health', description: 'Probes, without authentication' },
      ],
    },
    // Shared schemas (`Error`) become components named by their $id rather than `def-0`.
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) },
  });
  await app.register(swaggerUi, { routePrefix: DOCS_PREFIX });
};

export const apiDocs = fp(apiDocsPlugin, { name: 'api-docs', fastify: '5.x' });

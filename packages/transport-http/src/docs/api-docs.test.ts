import SwaggerParser from '@apidevtools/swagger-parser';
import { testApp } from '../testing/test-app.js';

interface Operation {
  security?: unknown[];
  requestBody?: { content: Record<string, { schema?: unknown }> };
  responses?: Record<string, unknown>;
}
interface OpenApiDocument {
  openapi: string;
  security?: unknown[];
  paths?: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, unknown>; securitySchemes?: Record<string, unknown> };
}

describe('API docs', () => {
  it('serves a valid OpenAPI 3.1 document with every route and the bearer scheme', async () => {
    const { app } = await testApp();

    const res = await app.inject({ method: 'GET', url: '/docs/json' });

    expect(res.statusCode).toBe(200);
    const document = res.json<OpenApiDocument>();
    // validate() dereferences in place: keep the original for the assertions below.
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeDefined();
    expect(document.openapi).toBe('3.1.0');
    expect(document.components?.securitySchemes?.bearerAuth).toEqual({ type: 'http', scheme: 'bearer' });
    expect(document.security).toEqual([{ bearerAuth: [] }]);

    const paths = document.paths ?? {};
    expect(Object.keys(paths).sort()).toEqual([
      '/healthz',
      '/readiness',
      '/v1/chat/completions',
      '/v1/credentials',
      '/v1/credentials/{id}',
      '/v1/credentials/{id}/verify',
      '/v1/embeddings',
      '/v1/models',
      '/v1/models/{*}',
      '/v1/providers',
      '/v1/rerank',
    ]);
    expect(Object.keys(paths['/v1/credentials'] ?? {}).sort()).toEqual(['get', 'post']);
    expect(Object.keys(paths['/v1/credentials/{id}'] ?? {}).sort()).toEqual(['delete', 'get', 'patch']);
    expect(paths['/healthz']?.get?.security).toEqual([]);
    expect(document.components?.schemas).toHaveProperty('Credential');
    expect(document.components?.schemas).toHaveProperty('Error');
    await app.close();
  });

  it('describes the create body from the route schema, write-only secret included', async () => {
    const { app } = await testApp();
    const document = (await app.inject({ method: 'GET', url: '/docs/json' })).json<OpenApiDocument>();

    const post = document.paths?.['/v1/credentials']?.post;
    const body = post?.requestBody?.content['application/json']?.schema;
    expect(body).toMatchObject({
      type: 'object',
      required: ['provider', 'name', 'secret'],
      additionalProperties: false,
    });
    expect(Object.keys(post?.responses ?? {})).toEqual(
      expect.arrayContaining(['201', '400', '401', '403', '409', '413', '422', '503']),
    );
    await app.close();
  });

  it('serves the UI at /docs', async () => {
    const { app } = await testApp();
    const res = await app.inject({ method: 'GET', url: '/docs' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    await app.close();
  });
});

import { bearer, testApp, TOKENS } from '../testing/test-app.js';

describe('GET /v1/providers', () => {
  it('lists each provider with capabilities and the JSON schemas of its fields', async () => {
    const { app } = await testApp();

    const res = await app.inject({ method: 'GET', url: '/v1/providers', headers: bearer(TOKENS.admin) });

    expect(res.statusCode).toBe(200);
    const { data } = res.json();
    expect(data.map((p: { id: string }) => p.id)).toEqual(['openai', 'mistral']);
    expect(data[0]).toEqual({
      id: 'openai',
      displayName: 'OpenAI (test)',
      capabilities: {
        chat: false,
        streaming: false,
        tools: false,
        vision: false,
        embeddings: false,
        rerank: false,
        verify: true,
      },
      secretSchema: {
        type: 'object',
        additionalProperties: false,
        properties: { apiKey: { type: 'string', description: 'API key', maxLength: 16384 } },
        required: ['apiKey'],
      },
      configSchema: {
        type: 'object',
        additionalProperties: false,
        properties: { baseUrl: { type: 'string', description: 'Base URL', format: 'uri', maxLength: 16384 } },
        required: [],
      },
    });
    expect(data[1].capabilities.verify).toBe(false);
    await app.close();
  });

  it('is readable with any scope', async () => {
    const { app } = await testApp();
    const res = await app.inject({ method: 'GET', url: '/v1/providers', headers: bearer(TOKENS.inference) });
    expect(res.statusCode).toBe(200);
    await app.close();
  });
});

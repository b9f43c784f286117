import type { CredentialView } from '@integration-api/core';
import Fastify from 'fastify';
import { CredentialJson, toCredentialJson } from './credential-json.js';

const VIEW: CredentialView = {
  id: '00000000-0000-7000-8000-000000000001',
  organizationId: 'org-a',
  projectId: 'proj-a',
  provider: 'openai',
  name: 'main',
  keyId: 'key-1',
  hint: '…abcd',
  config: { baseUrl: 'https://api.example.com' },
  status: 'active',
  lastVerifiedAt: new Date('2026-01-02T03:04:05Z'),
  lastVerificationError: null,
  version: 3,
  createdAt: new Date('2026-01-01T00:00:00Z'),
  updatedAt: new Date('2026-01-02T03:04:05Z'),
};

describe('credential JSON', () => {
  it('copies only the public fields, with ISO dates', () => {
    expect(toCredentialJson(VIEW)).toEqual({
      id: VIEW.id,
      provider: 'openai',
      name: 'main',
      hint: '…abcd',
      config: { baseUrl: 'https://api.example.com' },
      status: 'active',
      lastVerifiedAt: '2026-01-02T03:04:05.000Z',
      lastVerificationError: null,
      version: 3,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-02T03:04:05.000Z',
    });
  });

  it('makes the serializer drop what is not in the schema, a sealed secret included', async () => {
    const app = Fastify();
    app.addSchema(CredentialJson);
    app.get('/', { schema: { response: { 200: { $ref: 'Credential' } } } }, async () => ({
      ...toCredentialJson(VIEW),
      sealedSecret: 'v1.key-1.SEALED',
      secret: { apiKey: 'sk-live-SECRET' },
      organizationId: 'org-a',
    }));

    const res = await app.inject({ method: 'GET', url: '/' });

    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(toCredentialJson(VIEW));
    expect(res.body).not.toMatch(/SEALED|SECRET|org-a/);
    await app.close();
  });
});

import type { CredentialService, ListCredentialsInput, UsableCredential } from '@integration-api/core';
import { testPrincipal } from '@integration-api/core/testing';
import { findUsableCredential, listUsableCredentials, parseModelRef } from './model-ref.js';

describe('parseModelRef', () => {
  it('splits at the first slash', () => {
    expect(parseModelRef('main/gpt-4o')).toEqual({ credential: 'main', model: 'gpt-4o' });
    expect(parseModelRef('hf/meta-llama/Llama-3.3-70B-Instruct')).toEqual({
      credential: 'hf',
      model: 'meta-llama/Llama-3.3-70B-Instruct',
    });
  });

  it('refuses a model without its credential or provider model, naming model', () => {
    for (const value of ['gpt-4o', 'main/', '/gpt-4o']) {
      expect(() => parseModelRef(value)).toThrow(expect.objectContaining({ details: { field: 'model' } }));
    }
  });

  it('takes a credential alone where the provider model is optional', () => {
    expect(parseModelRef('main', { requireModel: false })).toEqual({ credential: 'main', model: '' });
  });
});

/** A CredentialService that answers listUsable from a fixed list, `pageSize` at a time. */
function pagedCredentials(items: UsableCredential[], pageSize = 2) {
  const pages: ListCredentialsInput[] = [];
  const service = {
    listUsable: async (_principal: unknown, input: ListCredentialsInput) => {
      pages.push(input);
      const start = Number(input.cursor ?? 0);
      const next = start + pageSize;
      return {
        items: items.slice(start, next),
        ...(next < items.length ? { nextCursor: String(next) } : {}),
      };
    },
  } as unknown as CredentialService;
  return { service, pages };
}

const credential = (id: string, name: string): UsableCredential => ({
  id,
  name,
  provider: 'openai',
  status: 'active',
  createdAt: new Date(0),
});

describe('findUsableCredential', () => {
  const principal = testPrincipal();
  const items = [
    credential('id-1', 'alpha'),
    credential('id-2', 'beta'),
    credential('id-3', 'id-1'), // a name that equals another credential's id
    credential('id-4', 'gamma'),
  ];

  it("answers with core's choice (names before ids, remembered: see CredentialService.findUsable)", async () => {
    const service = {
      findUsable: async (_principal: unknown, ref: string) => items.find((c) => c.name === ref),
    } as unknown as CredentialService;
    await expect(findUsableCredential(service, principal, 'beta')).resolves.toMatchObject({ id: 'id-2' });
  });

  it('answers not found naming model', async () => {
    const service = { findUsable: async () => undefined } as unknown as CredentialService;
    await expect(findUsableCredential(service, principal, 'delta')).rejects.toMatchObject({
      code: 'not_found',
      details: { field: 'model' },
    });
  });

  it('lists every page', async () => {
    const { service } = pagedCredentials(items);
    expect((await listUsableCredentials(service, principal)).map((c) => c.name)).toEqual([
      'alpha',
      'beta',
      'id-1',
      'gamma',
    ]);
  });
});

import { voyageaiBaseUrl, voyageaiHeaders } from './voyageai-request-config.js';

describe('voyageai request config', () => {
  it('uses the public API unless the credential names another root', () => {
    expect(voyageaiBaseUrl({})).toBe('https://api.voyageai.com/v1');
    expect(voyageaiBaseUrl({ baseUrl: 'https://proxy.example/voyage/v1' })).toBe(
      'https://proxy.example/voyage/v1',
    );
  });

  it('sends the key as a bearer token and needs one', () => {
    expect(voyageaiHeaders({ apiKey: 'pa-abc' })).toEqual({ authorization: 'Bearer pa-abc' });
    expect(() => voyageaiHeaders({})).toThrow(
      expect.objectContaining({ details: { field: 'secret.apiKey' } }),
    );
  });
});

import { cohereBaseUrl, cohereHeaders } from './cohere-request-config.js';

describe('cohere request config', () => {
  it('uses the public API unless the credential names another root', () => {
    expect(cohereBaseUrl({})).toBe('https://api.cohere.com');
    expect(cohereBaseUrl({ baseUrl: 'https://proxy.example/cohere' })).toBe('https://proxy.example/cohere');
  });

  it('sends the key as a bearer token and needs one', () => {
    expect(cohereHeaders({ apiKey: 'k-123' })).toEqual({ authorization: 'Bearer k-123' });
    expect(() => cohereHeaders({})).toThrow(expect.objectContaining({ details: { field: 'secret.apiKey' } }));
  });
});

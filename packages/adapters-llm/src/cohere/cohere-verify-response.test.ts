import { cohereVerifyOutcome } from './cohere-verify-response.js';

describe('cohereVerifyOutcome', () => {
  it('accepts a key Cohere calls valid', () => {
    expect(cohereVerifyOutcome({ valid: true, organization_id: 'org', owner_id: 'own' })).toEqual({
      ok: true,
    });
  });

  it('refuses a key Cohere calls not valid, even with status 200', () => {
    expect(cohereVerifyOutcome({ valid: false })).toEqual({
      ok: false,
      reason: 'invalid_credential',
      message: 'Cohere reports the API key as not valid',
    });
  });

  it('decides nothing on an answer that does not say', () => {
    expect(() => cohereVerifyOutcome({ ok: 1 })).toThrow(
      expect.objectContaining({ code: 'provider_unavailable' }),
    );
    expect(() => cohereVerifyOutcome('<html>')).toThrow(
      expect.objectContaining({ code: 'provider_unavailable' }),
    );
  });
});

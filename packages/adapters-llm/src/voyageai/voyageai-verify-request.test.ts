import { buildVoyageaiVerifyRequest } from './voyageai-verify-request.js';

describe('buildVoyageaiVerifyRequest', () => {
  it('embeds one short text with the cheapest model', () => {
    expect(buildVoyageaiVerifyRequest()).toEqual({
      input: ['ping'],
      model: 'voyage-4-lite',
      output_dtype: 'float',
    });
  });
});

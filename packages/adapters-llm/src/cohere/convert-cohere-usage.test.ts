import { convertCohereUsage } from './convert-cohere-usage.js';

describe('convertCohereUsage', () => {
  it('prefers the processed token counts over the billed ones and keeps cached tokens apart', () => {
    expect(
      convertCohereUsage({
        billed_units: { input_tokens: 9, output_tokens: 6 },
        tokens: { input_tokens: 611, output_tokens: 11 },
        cached_tokens: 512,
      }),
    ).toEqual({ inputTokens: 611, outputTokens: 11, totalTokens: 622, cachedInputTokens: 512 });
  });

  it('falls back to billed units when token counts are missing', () => {
    expect(convertCohereUsage({ billed_units: { input_tokens: 9, output_tokens: 6 } })).toEqual({
      inputTokens: 9,
      outputTokens: 6,
      totalTokens: 15,
    });
  });

  it('reports nothing it was not told', () => {
    expect(convertCohereUsage(undefined)).toEqual({});
    expect(convertCohereUsage({ tokens: { input_tokens: 5 } })).toEqual({ inputTokens: 5 });
  });
});

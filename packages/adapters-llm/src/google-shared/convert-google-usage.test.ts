import { convertGoogleUsage, hasTokenCounts } from './convert-google-usage.js';

describe('convertGoogleUsage', () => {
  it('counts thoughts as output and as reasoning, keeping Google’s total', () => {
    // Shape of a Gemini 3 answer: the total is prompt + candidates + thoughts.
    expect(
      convertGoogleUsage({
        promptTokenCount: 12,
        candidatesTokenCount: 30,
        thoughtsTokenCount: 200,
        totalTokenCount: 242,
      }),
    ).toEqual({ inputTokens: 12, outputTokens: 230, totalTokens: 242, reasoningTokens: 200 });
  });

  it('reports cached prompt tokens and counts tool-use prompt tokens as input', () => {
    expect(
      convertGoogleUsage({
        promptTokenCount: 1000,
        cachedContentTokenCount: 800,
        toolUsePromptTokenCount: 50,
        candidatesTokenCount: 10,
        totalTokenCount: 1060,
      }),
    ).toEqual({ inputTokens: 1050, outputTokens: 10, totalTokens: 1060, cachedInputTokens: 800 });
  });

  it('leaves out what Google did not count', () => {
    expect(convertGoogleUsage({ promptTokenCount: 5 })).toEqual({ inputTokens: 5 });
    expect(convertGoogleUsage(undefined)).toEqual({});
  });

  it('sees no counts in a Vertex chunk that carries only the traffic type', () => {
    expect(hasTokenCounts({ trafficType: 'ON_DEMAND' })).toBe(false);
    expect(hasTokenCounts({ trafficType: 'ON_DEMAND', promptTokenCount: 3 })).toBe(true);
  });
});

import { convertAwsBedrockUsage } from './convert-aws-bedrock-usage.js';

describe('convertAwsBedrockUsage', () => {
  it('reads a plain usage', () => {
    expect(convertAwsBedrockUsage({ inputTokens: 22, outputTokens: 55, totalTokens: 77 })).toEqual({
      inputTokens: 22,
      outputTokens: 55,
      totalTokens: 77,
    });
  });

  it('counts cache reads and writes into the prompt and reports the reads as cached', () => {
    expect(
      convertAwsBedrockUsage({
        inputTokens: 310,
        outputTokens: 88,
        totalTokens: 1622,
        cacheReadInputTokens: 1024,
        cacheWriteInputTokens: 200,
      }),
    ).toEqual({ inputTokens: 1534, outputTokens: 88, totalTokens: 1622, cachedInputTokens: 1024 });
  });

  it('keeps zero cache reads as a known zero', () => {
    expect(
      convertAwsBedrockUsage({ inputTokens: 14, outputTokens: 21, totalTokens: 35, cacheReadInputTokens: 0 }),
    ).toEqual({ inputTokens: 14, outputTokens: 21, totalTokens: 35, cachedInputTokens: 0 });
  });

  it('keeps the provider total when a count is missing, and nothing for no usage', () => {
    expect(convertAwsBedrockUsage({ inputTokens: 5, totalTokens: 5 })).toEqual({
      inputTokens: 5,
      totalTokens: 5,
    });
    expect(convertAwsBedrockUsage(undefined)).toEqual({});
  });

  it('ignores values that are not counts', () => {
    expect(convertAwsBedrockUsage({ inputTokens: -1, outputTokens: Number.NaN })).toEqual({});
  });
});

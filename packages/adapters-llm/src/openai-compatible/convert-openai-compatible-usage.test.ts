import { convertOpenAICompatibleUsage } from './convert-openai-compatible-usage.js';

describe('convertOpenAICompatibleUsage', () => {
  it('reads OpenAI usage with cached and reasoning tokens', () => {
    expect(
      convertOpenAICompatibleUsage({
        prompt_tokens: 1200,
        completion_tokens: 300,
        total_tokens: 1500,
        prompt_tokens_details: { cached_tokens: 1024 },
        completion_tokens_details: { reasoning_tokens: 192 },
      }),
    ).toEqual({
      inputTokens: 1200,
      outputTokens: 300,
      totalTokens: 1500,
      cachedInputTokens: 1024,
      reasoningTokens: 192,
    });
  });

  it('keeps reported zeros and leaves unreported fields out', () => {
    expect(
      convertOpenAICompatibleUsage({ prompt_tokens: 13, completion_tokens: 0, total_tokens: 13 }),
    ).toEqual({ inputTokens: 13, outputTokens: 0, totalTokens: 13 });
    expect(
      convertOpenAICompatibleUsage({
        prompt_tokens: 9,
        prompt_tokens_details: null,
        completion_tokens: null,
      }),
    ).toEqual({ inputTokens: 9 });
  });

  it('reads no usage as empty', () => {
    expect(convertOpenAICompatibleUsage(null)).toEqual({});
    expect(convertOpenAICompatibleUsage(undefined)).toEqual({});
  });
});

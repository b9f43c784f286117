import { convertAnthropicUsage, mergeAnthropicUsage } from './convert-anthropic-usage.js';

describe('convertAnthropicUsage', () => {
  it('reports plain input and output counts with their total', () => {
    expect(
      convertAnthropicUsage({
        input_tokens: 14,
        cache_creation_input_tokens: 0,
        cache_read_input_tokens: 0,
        output_tokens: 31,
      }),
    ).toEqual({ inputTokens: 14, outputTokens: 31, totalTokens: 45, cachedInputTokens: 0 });
  });

  it('counts cache writes and reads once each, as part of the input', () => {
    expect(
      convertAnthropicUsage({
        input_tokens: 7,
        cache_creation_input_tokens: 2048,
        cache_read_input_tokens: 5120,
        output_tokens: 150,
      }),
    ).toEqual({ inputTokens: 7175, cachedInputTokens: 5120, outputTokens: 150, totalTokens: 7325 });
  });

  it('reports thinking tokens as reasoning tokens', () => {
    expect(
      convertAnthropicUsage({
        input_tokens: 40,
        output_tokens: 900,
        output_tokens_details: { thinking_tokens: 210 },
      }),
    ).toMatchObject({ outputTokens: 900, reasoningTokens: 210 });
  });

  it('leaves out what the provider did not report', () => {
    expect(convertAnthropicUsage({ output_tokens: 12 })).toEqual({ outputTokens: 12 });
    expect(convertAnthropicUsage({ input_tokens: null, output_tokens_details: null })).toEqual({});
    expect(convertAnthropicUsage(undefined)).toEqual({});
  });
});

describe('mergeAnthropicUsage', () => {
  it('lets the cumulative counts of message_delta replace those of message_start', () => {
    const start = {
      input_tokens: 3,
      cache_creation_input_tokens: 2048,
      cache_read_input_tokens: 0,
      output_tokens: 1,
    };
    const delta = {
      input_tokens: 9,
      cache_creation_input_tokens: 2300,
      cache_read_input_tokens: 4100,
      output_tokens: 170,
    };
    expect(convertAnthropicUsage(mergeAnthropicUsage(start, delta))).toEqual({
      inputTokens: 6409,
      cachedInputTokens: 4100,
      outputTokens: 170,
      totalTokens: 6579,
    });
  });

  it('keeps the earlier counts a later report leaves out', () => {
    const merged = mergeAnthropicUsage(
      { input_tokens: 20, cache_read_input_tokens: 8, output_tokens: 1 },
      { output_tokens: 42, cache_read_input_tokens: null },
    );
    expect(convertAnthropicUsage(merged)).toEqual({
      inputTokens: 28,
      cachedInputTokens: 8,
      outputTokens: 42,
      totalTokens: 70,
    });
  });
});

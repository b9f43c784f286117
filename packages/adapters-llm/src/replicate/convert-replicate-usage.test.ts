import { convertReplicateUsage } from './convert-replicate-usage.js';

describe('convertReplicateUsage', () => {
  it('maps the token counts of a language model and adds their total', () => {
    expect(
      convertReplicateUsage({
        input_token_count: 12,
        output_token_count: 4,
        predict_time: 0.41,
        tokens_per_second: 38.2,
        time_to_first_token: 0.09,
      }),
    ).toEqual({ inputTokens: 12, outputTokens: 4, totalTokens: 16 });
  });

  it('keeps the one count a model reports, without inventing a total', () => {
    expect(convertReplicateUsage({ output_token_count: 7 })).toEqual({ outputTokens: 7 });
  });

  it('reports nothing for compute time alone, missing metrics or nonsense counts', () => {
    expect(convertReplicateUsage({ predict_time: 1.2 })).toEqual({});
    expect(convertReplicateUsage(undefined)).toEqual({});
    expect(convertReplicateUsage({ input_token_count: -1, output_token_count: '3' })).toEqual({});
  });
});

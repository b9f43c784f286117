import { mapAwsBedrockFinishReason } from './map-aws-bedrock-finish-reason.js';

describe('mapAwsBedrockFinishReason', () => {
  it.each([
    ['end_turn', 'stop'],
    ['stop_sequence', 'stop'],
    ['max_tokens', 'length'],
    ['model_context_window_exceeded', 'length'],
    ['tool_use', 'tool_calls'],
    ['guardrail_intervened', 'content_filter'],
    ['content_filtered', 'content_filter'],
    ['malformed_model_output', 'other'],
    ['malformed_tool_use', 'other'],
    ['something_new', 'other'],
  ])('maps %s to %s', (reason, expected) => {
    expect(mapAwsBedrockFinishReason(reason)).toBe(expected);
  });

  it('treats a missing reason as other', () => {
    expect(mapAwsBedrockFinishReason(undefined)).toBe('other');
    expect(mapAwsBedrockFinishReason(null)).toBe('other');
  });
});

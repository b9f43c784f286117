import { mapOpenAICompatibleFinishReason } from './map-openai-compatible-finish-reason.js';

describe('mapOpenAICompatibleFinishReason', () => {
  it.each([
    ['stop', 'stop'],
    ['length', 'length'],
    ['model_length', 'length'],
    ['tool_calls', 'tool_calls'],
    ['function_call', 'tool_calls'],
    ['content_filter', 'content_filter'],
    ['error', 'error'],
    ['eos', 'other'],
    [null, 'other'],
    [undefined, 'other'],
  ])('maps %s to %s', (raw, expected) => {
    expect(mapOpenAICompatibleFinishReason(raw)).toBe(expected);
  });

  it('reports tool calls that a server finished with "stop" or no reason', () => {
    expect(mapOpenAICompatibleFinishReason('stop', { hasToolCalls: true })).toBe('tool_calls');
    expect(mapOpenAICompatibleFinishReason(undefined, { hasToolCalls: true })).toBe('tool_calls');
    expect(mapOpenAICompatibleFinishReason('length', { hasToolCalls: true })).toBe('length');
  });

  it('does not let a refusal pass for a plain stop', () => {
    expect(mapOpenAICompatibleFinishReason('stop', { refused: true })).toBe('content_filter');
  });
});

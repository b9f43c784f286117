import { mapCohereFinishReason } from './map-cohere-finish-reason.js';

describe('mapCohereFinishReason', () => {
  it.each([
    ['COMPLETE', 'stop'],
    ['STOP_SEQUENCE', 'stop'],
    ['MAX_TOKENS', 'length'],
    ['TOOL_CALL', 'tool_calls'],
    ['ERROR', 'error'],
    ['TIMEOUT', 'error'],
    ['ERROR_TOXIC', 'content_filter'],
    ['SOMETHING_NEW', 'other'],
    [undefined, 'other'],
  ])('maps %s to %s', (raw, expected) => {
    expect(mapCohereFinishReason(raw)).toBe(expected);
  });
});

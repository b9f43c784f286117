import { mapGoogleFinishReason } from './map-google-finish-reason.js';

describe('mapGoogleFinishReason', () => {
  it('reads STOP as tool_calls when the answer calls functions, since Gemini has no tool reason', () => {
    expect(mapGoogleFinishReason('STOP', true)).toBe('tool_calls');
    expect(mapGoogleFinishReason('STOP', false)).toBe('stop');
  });

  it.each([
    ['MAX_TOKENS', 'length'],
    ['SAFETY', 'content_filter'],
    ['RECITATION', 'content_filter'],
    ['BLOCKLIST', 'content_filter'],
    ['PROHIBITED_CONTENT', 'content_filter'],
    ['SPII', 'content_filter'],
    ['IMAGE_SAFETY', 'content_filter'],
    ['MALFORMED_FUNCTION_CALL', 'error'],
    ['UNEXPECTED_TOOL_CALL', 'error'],
    ['OTHER', 'other'],
    ['LANGUAGE', 'other'],
    ['SOMETHING_NEW', 'other'],
  ])('maps %s to %s', (raw, expected) => {
    expect(mapGoogleFinishReason(raw, false)).toBe(expected);
  });

  it('keeps a filter or length reason even when calls were made', () => {
    expect(mapGoogleFinishReason('MAX_TOKENS', true)).toBe('length');
    expect(mapGoogleFinishReason('SAFETY', true)).toBe('content_filter');
  });

  it('calls a missing reason other', () => {
    expect(mapGoogleFinishReason(undefined, false)).toBe('other');
  });
});

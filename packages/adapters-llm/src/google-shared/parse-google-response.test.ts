import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ProviderError } from '@integration-api/core';
import { parseGoogleResponse } from './parse-google-response.js';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(join(__dirname, '__fixtures__', name), 'utf8'));

describe('parseGoogleResponse', () => {
  it('reads a text answer with Gemini 3’s usage, counting thoughts as output', () => {
    expect(parseGoogleResponse('google-gemini', fixture('gemini-text.json'))).toEqual({
      message: { text: 'The capital of Australia is **Canberra**, not Sydney.', toolCalls: [] },
      finishReason: 'stop',
      rawFinishReason: 'STOP',
      usage: { inputTokens: 11, outputTokens: 109, totalTokens: 120, reasoningTokens: 97 },
      model: 'gemini-3-pro-preview',
      providerRequestId: 'tXmQaQ7kLr3vgLUPz9aB8Ac',
    });
  });

  it('reads a function call as a tool call with a stable id, and STOP as tool_calls', () => {
    const result = parseGoogleResponse('google-gemini', fixture('gemini-tool-call.json'));
    expect(result.message.toolCalls).toEqual([
      { id: 'call_vXmQaZKpB8_WgLUPk4Xj2Qs_0', name: 'get_time', arguments: '{"city":"Lisbon"}' },
    ]);
    expect(result).toMatchObject({ finishReason: 'tool_calls', rawFinishReason: 'STOP' });
    // The same answer read again yields the same ids.
    expect(
      parseGoogleResponse('google-gemini', fixture('gemini-tool-call.json')).message.toolCalls[0]!.id,
    ).toBe(result.message.toolCalls[0]!.id);
  });

  it('reads parallel calls in order, a call without arguments as {}', () => {
    const result = parseGoogleResponse('google-gemini', fixture('gemini-parallel-tool-calls.json'));
    expect(result.message).toEqual({
      text: 'Let me check both cities.',
      toolCalls: [
        { id: 'call_xXmQaYrTJ4yUgLUPt8HQgQ0_0', name: 'get_time', arguments: '{"city":"Lisbon"}' },
        { id: 'call_xXmQaYrTJ4yUgLUPt8HQgQ0_1', name: 'get_time', arguments: '{"city":"Tokyo"}' },
        { id: 'call_xXmQaYrTJ4yUgLUPt8HQgQ0_2', name: 'list_cities', arguments: '{}' },
      ],
    });
  });

  it('separates thoughts from the answer', () => {
    const result = parseGoogleResponse('google-gemini', {
      candidates: [
        {
          content: {
            role: 'model',
            parts: [{ text: 'Thinking about it.', thought: true }, { text: 'Four.' }],
          },
          finishReason: 'STOP',
        },
      ],
    });
    expect(result.message).toEqual({ text: 'Four.', reasoning: 'Thinking about it.', toolCalls: [] });
  });

  it('reads MAX_TOKENS as length', () => {
    expect(parseGoogleResponse('google-gemini', fixture('gemini-max-tokens.json'))).toMatchObject({
      finishReason: 'length',
      rawFinishReason: 'MAX_TOKENS',
      message: { text: 'Once upon a time, in a valley' },
    });
  });

  it('reads a blocked prompt as a content filter with the block reason', () => {
    expect(parseGoogleResponse('google-gemini', fixture('gemini-prompt-blocked.json'))).toEqual({
      message: { text: '', toolCalls: [] },
      finishReason: 'content_filter',
      rawFinishReason: 'PROHIBITED_CONTENT',
      usage: { inputTokens: 8, totalTokens: 8 },
      model: 'gemini-2.5-flash',
      providerRequestId: 'zXmQaeW2H4LogLUPx4-xuAk',
    });
  });

  it('throws the error a 200 body carries, and refuses a body that is no answer', () => {
    expect(() =>
      parseGoogleResponse('google-vertex', {
        error: { code: 429, message: 'slow down', status: 'RESOURCE_EXHAUSTED' },
      }),
    ).toThrow(expect.objectContaining({ kind: 'rate_limited' }));
    expect(() => parseGoogleResponse('google-vertex', [1])).toThrow(ProviderError);
  });
});

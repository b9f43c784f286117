import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCohereChatResponse } from './parse-cohere-chat-response.js';

function fixture(name: string): unknown {
  return JSON.parse(readFileSync(join(__dirname, '__fixtures__', name), 'utf8'));
}

describe('parseCohereChatResponse', () => {
  it('reads a text answer with its usage and request id', () => {
    expect(parseCohereChatResponse(fixture('cohere-text.json'))).toEqual({
      message: { text: 'The smallest prime above 10 is 11.', toolCalls: [] },
      finishReason: 'stop',
      rawFinishReason: 'COMPLETE',
      usage: { inputTokens: 504, outputTokens: 13, totalTokens: 517, cachedInputTokens: 448 },
      providerRequestId: '0c6b2f1e-8d4a-4e2b-9a51-3f7d2c9e6a10',
    });
  });

  it('reads parallel tool calls, with the tool plan as reasoning', () => {
    const result = parseCohereChatResponse(fixture('cohere-tool-calls.json'));
    expect(result.message).toEqual({
      text: '',
      reasoning: 'I will look up the weather in Lyon and in Turin.',
      toolCalls: [
        { id: 'getWeather_k3m9x2p7q1vz', name: 'getWeather', arguments: '{"city":"Lyon"}' },
        { id: 'getWeather_r8t4w6y0n5bc', name: 'getWeather', arguments: '{"city":"Turin"}' },
      ],
    });
    expect(result.finishReason).toBe('tool_calls');
  });

  it('turns the "null" arguments of a tool without parameters into an empty object', () => {
    expect(parseCohereChatResponse(fixture('cohere-null-args.json')).message.toolCalls).toEqual([
      { id: 'now_w2e8r4t6y1ua', name: 'now', arguments: '{}' },
    ]);
  });

  it('reports a cut answer as length', () => {
    const result = parseCohereChatResponse(fixture('cohere-max-tokens.json'));
    expect(result.finishReason).toBe('length');
    expect(result.message.text).toBe('**A Short History of');
  });

  it('keeps thinking apart from the answer', () => {
    expect(parseCohereChatResponse(fixture('cohere-reasoning.json')).message).toEqual({
      text: '3 × 4 = 12.',
      reasoning: 'The user wants 3 times 4. That is 12.',
      toolCalls: [],
    });
  });

  it('ignores citations', () => {
    expect(parseCohereChatResponse(fixture('cohere-citations.json')).message).toEqual({
      text: 'The memo lists two savings: lower rent and fewer licences.',
      toolCalls: [],
    });
  });

  it('refuses a body that is not a chat response', () => {
    expect(() => parseCohereChatResponse({ data: [] })).toThrow(
      expect.objectContaining({
        code: 'provider_error',
        message: 'cohere: the chat response has no message',
      }),
    );
  });
});

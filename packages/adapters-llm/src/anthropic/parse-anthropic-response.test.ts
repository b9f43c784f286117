import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAnthropicResponse } from './parse-anthropic-response.js';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(join(__dirname, '__fixtures__', name), 'utf8'));

describe('parseAnthropicResponse', () => {
  it('reads a text answer with its stop reason, usage, model and id', () => {
    expect(parseAnthropicResponse(fixture('anthropic-text.json'))).toEqual({
      message: { text: 'Seventeen is prime: no whole number between 2 and 4 divides it.', toolCalls: [] },
      finishReason: 'stop',
      rawFinishReason: 'end_turn',
      usage: { inputTokens: 21, outputTokens: 19, totalTokens: 40, cachedInputTokens: 0 },
      model: 'claude-sonnet-4-5-20250929',
      providerRequestId: 'msg_01TestTextAnswer000000000',
    });
  });

  it('reads tool calls with their input as JSON text, a call without arguments as {}', () => {
    const result = parseAnthropicResponse(fixture('anthropic-tool-use.json'));
    expect(result.message).toEqual({
      text: "I'll look up both orders and refresh the cache.",
      toolCalls: [
        {
          id: 'toolu_01TestLookup17',
          name: 'lookup_order',
          arguments: '{"number":"17","fields":["status","eta"]}',
        },
        { id: 'toolu_01TestRefresh00', name: 'refresh_cache', arguments: '{}' },
      ],
    });
    expect(result).toMatchObject({ finishReason: 'tool_calls', rawFinishReason: 'tool_use' });
  });

  it('reads thinking as reasoning, skips redacted thinking, and counts cache and thinking tokens', () => {
    const result = parseAnthropicResponse(fixture('anthropic-thinking.json'));
    expect(result.message).toEqual({
      text: 'They meet after 2 hours.',
      reasoning: 'Two trains, 60 and 90 km/h, 300 km apart: they close at 150 km/h, so 2 hours.',
      toolCalls: [],
    });
    expect(result.usage).toEqual({
      inputTokens: 6035,
      cachedInputTokens: 4800,
      outputTokens: 412,
      totalTokens: 6447,
      reasoningTokens: 380,
    });
  });

  it('reports a cut answer as length', () => {
    expect(parseAnthropicResponse(fixture('anthropic-max-tokens.json'))).toMatchObject({
      message: { text: 'The history of the printing press begins in' },
      finishReason: 'length',
      rawFinishReason: 'max_tokens',
    });
  });

  it('reports a refusal without content as a content filter, not a normal stop', () => {
    expect(parseAnthropicResponse(fixture('anthropic-refusal.json'))).toMatchObject({
      message: { text: '', toolCalls: [] },
      finishReason: 'content_filter',
      rawFinishReason: 'refusal',
    });
  });

  it('skips the blocks of tools Anthropic ran itself and joins the text around them', () => {
    expect(parseAnthropicResponse(fixture('anthropic-server-tool.json')).message).toEqual({
      text: 'The tallest is the Oslo Plaza.',
      toolCalls: [],
    });
  });

  it('throws the error a 200 body carries', () => {
    expect(() =>
      parseAnthropicResponse({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }),
    ).toThrow(expect.objectContaining({ kind: 'unavailable' }));
  });

  it.each([[null], ['text'], [{ id: 'msg_1' }], [{ content: ['text'] }]])(
    'refuses a body that is not a message: %j',
    (body) => {
      expect(() => parseAnthropicResponse(body)).toThrow(
        expect.objectContaining({
          code: 'provider_error',
          message: expect.stringContaining('not a Messages API'),
        }),
      );
    },
  );
});

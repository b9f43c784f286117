import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ChatStreamAccumulator, type ChatStreamEvent } from '@integration-api/core';
import type { AnthropicStreamEvent } from './anthropic-api.js';
import { AnthropicStreamState } from './anthropic-stream-state.js';

function chunks(name: string): AnthropicStreamEvent[] {
  return readFileSync(join(__dirname, '__fixtures__', name), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as AnthropicStreamEvent);
}

function run(events: readonly AnthropicStreamEvent[], secrets: string[] = []): ChatStreamEvent[] {
  const state = new AnthropicStreamState(secrets);
  return [...events.flatMap((event) => state.push(event)), ...state.end()];
}

function accumulate(events: readonly ChatStreamEvent[]) {
  const accumulator = new ChatStreamAccumulator();
  events.forEach((event) => accumulator.add(event));
  return accumulator.result();
}

describe('AnthropicStreamState', () => {
  it('streams text, ignores pings, and finishes with the stop reason, model and id', () => {
    const events = run(chunks('anthropic-text.chunks.txt'));
    expect(events).toEqual([
      { type: 'usage', usage: { inputTokens: 18, outputTokens: 1, totalTokens: 19, cachedInputTokens: 0 } },
      { type: 'text-delta', delta: 'Thirteen' },
      { type: 'text-delta', delta: ' is prime' },
      { type: 'text-delta', delta: ', and so is' },
      { type: 'text-delta', delta: ' 31.' },
      { type: 'usage', usage: { inputTokens: 18, outputTokens: 12, totalTokens: 30, cachedInputTokens: 0 } },
      {
        type: 'finish',
        finishReason: 'stop',
        rawFinishReason: 'end_turn',
        model: 'claude-sonnet-4-5-20250929',
        providerRequestId: 'msg_01TestStreamText00000000',
      },
    ]);
  });

  it('numbers tool calls in order of appearance and streams arguments split inside a string', () => {
    const events = run(chunks('anthropic-tool-calls.chunks.txt'));
    expect(events.filter((e) => e.type.startsWith('tool-call'))).toEqual([
      { type: 'tool-call-start', index: 0, id: 'toolu_01TestStreamLookup', name: 'lookup_order' },
      { type: 'tool-call-delta', index: 0, argumentsDelta: '{"number": "1' },
      { type: 'tool-call-delta', index: 0, argumentsDelta: '7", "fields": ["eta"]' },
      { type: 'tool-call-delta', index: 0, argumentsDelta: '}' },
      { type: 'tool-call-end', index: 0 },
      { type: 'tool-call-start', index: 1, id: 'toolu_01TestStreamRefresh', name: 'refresh_cache' },
      { type: 'tool-call-delta', index: 1, argumentsDelta: '{}' },
      { type: 'tool-call-end', index: 1 },
    ]);
    expect(accumulate(events)).toMatchObject({
      message: {
        text: 'Checking both now.',
        toolCalls: [
          {
            id: 'toolu_01TestStreamLookup',
            name: 'lookup_order',
            arguments: '{"number": "17", "fields": ["eta"]}',
          },
          { id: 'toolu_01TestStreamRefresh', name: 'refresh_cache', arguments: '{}' },
        ],
      },
      finishReason: 'tool_calls',
      rawFinishReason: 'tool_use',
    });
  });

  it('streams thinking as reasoning, skipping empty deltas, signatures and redacted thinking', () => {
    const events = run(chunks('anthropic-thinking.chunks.txt'));
    expect(events.filter((e) => e.type === 'reasoning-delta' || e.type === 'text-delta')).toEqual([
      { type: 'reasoning-delta', delta: '12 squared' },
      { type: 'reasoning-delta', delta: ' is 144; minus 44' },
      { type: 'reasoning-delta', delta: ' gives 100.' },
      { type: 'text-delta', delta: 'The answer' },
      { type: 'text-delta', delta: ' is 100.' },
    ]);
    expect(events.at(-1)).toMatchObject({ type: 'finish', finishReason: 'stop' });
  });

  it('takes the revised cache counts of message_delta and counts each cache token once', () => {
    const events = run(chunks('anthropic-prompt-cache.chunks.txt'));
    const usages = events.filter((e) => e.type === 'usage');
    expect(usages[0]).toEqual({
      type: 'usage',
      usage: { inputTokens: 2504, cachedInputTokens: 0, outputTokens: 40, totalTokens: 2544 },
    });
    expect(accumulate(events).usage).toEqual({
      inputTokens: 9 + 2710 + 5230,
      cachedInputTokens: 5230,
      outputTokens: 133,
      totalTokens: 9 + 2710 + 5230 + 133,
      reasoningTokens: 0,
    });
  });

  it('skips server tool blocks, so the caller’s own call is tool call 0', () => {
    const events = run(chunks('anthropic-prompt-cache.chunks.txt'));
    expect(events.filter((e) => e.type.startsWith('tool-call'))).toEqual([
      { type: 'tool-call-start', index: 0, id: 'toolu_01TestStreamSave', name: 'save_result' },
      { type: 'tool-call-delta', index: 0, argumentsDelta: '{"value": 42}' },
      { type: 'tool-call-end', index: 0 },
    ]);
  });

  it('finishes a refusal without content as a content filter', () => {
    const events = run(chunks('anthropic-refusal.chunks.txt'));
    expect(events.at(-1)).toEqual({
      type: 'finish',
      finishReason: 'content_filter',
      rawFinishReason: 'refusal',
      model: 'claude-sonnet-4-5-20250929',
      providerRequestId: 'msg_01TestStreamRefusal0000',
    });
    expect(events.some((e) => e.type === 'text-delta')).toBe(false);
  });

  it('throws a mid-stream error event after the content that came before it', () => {
    const state = new AnthropicStreamState();
    const [start, block, delta, error] = chunks('anthropic-overloaded.chunks.txt');
    state.push(start!);
    state.push(block!);
    expect(state.push(delta!)).toEqual([{ type: 'text-delta', delta: 'Once upon' }]);
    expect(() => state.push(error!)).toThrow(
      expect.objectContaining({ kind: 'unavailable', message: 'anthropic: overloaded_error: Overloaded' }),
    );
  });

  it('scrubs secrets from the message of an error event', () => {
    const state = new AnthropicStreamState(['my-proxy-token-123']);
    expect(() =>
      state.push({
        type: 'error',
        error: { type: 'api_error', message: 'upstream rejected my-proxy-token-123' },
      }),
    ).toThrow(expect.objectContaining({ message: 'anthropic: api_error: upstream rejected [redacted]' }));
  });

  it('throws when the stream ends before message_stop', () => {
    const cut = chunks('anthropic-text.chunks.txt').filter((e) => e.type !== 'message_stop');
    expect(() => run(cut)).toThrow(
      expect.objectContaining({
        code: 'provider_error',
        message: expect.stringContaining('before message_stop'),
      }),
    );
  });

  it('closes a tool call still open at message_stop, and ignores anything after it', () => {
    const state = new AnthropicStreamState();
    state.push({ type: 'message_start', message: { id: 'msg_x', model: 'm', usage: { input_tokens: 1 } } });
    state.push({
      type: 'content_block_start',
      index: 0,
      content_block: { type: 'tool_use', id: 'toolu_x', name: 'go', input: {} },
    });
    expect(state.push({ type: 'message_stop' })).toEqual([
      { type: 'tool-call-delta', index: 0, argumentsDelta: '{}' },
      { type: 'tool-call-end', index: 0 },
      { type: 'finish', finishReason: 'other', model: 'm', providerRequestId: 'msg_x' },
    ]);
    expect(
      state.push({ type: 'content_block_delta', index: 1, delta: { type: 'text_delta', text: 'late' } }),
    ).toEqual([]);
    expect(state.end()).toEqual([]);
  });

  it('ignores event types it does not know', () => {
    const state = new AnthropicStreamState();
    expect(state.push({ type: 'message_annotation', data: 1 } as unknown as AnthropicStreamEvent)).toEqual(
      [],
    );
  });

  it('builds the same message as the non-streamed answer would', () => {
    const result = accumulate(run(chunks('anthropic-thinking.chunks.txt')));
    expect(result).toEqual({
      message: {
        text: 'The answer is 100.',
        reasoning: '12 squared is 144; minus 44 gives 100.',
        toolCalls: [],
      },
      finishReason: 'stop',
      rawFinishReason: 'end_turn',
      usage: { inputTokens: 52, cachedInputTokens: 0, outputTokens: 61, totalTokens: 113 },
      model: 'claude-sonnet-4-5-20250929',
      providerRequestId: 'msg_01TestStreamThinking000',
    });
  });
});

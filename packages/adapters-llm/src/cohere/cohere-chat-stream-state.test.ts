import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ChatStreamAccumulator, type ChatStreamEvent } from '@integration-api/core';
import type { CohereStreamEvent } from './cohere-api.js';
import { CohereChatStreamState } from './cohere-chat-stream-state.js';

function chunks(name: string): CohereStreamEvent[] {
  return readFileSync(join(__dirname, '__fixtures__', name), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as CohereStreamEvent);
}

function run(events: readonly CohereStreamEvent[], state = new CohereChatStreamState()): ChatStreamEvent[] {
  const out = events.flatMap((event) => state.push(event));
  return [...out, ...state.end()];
}

function accumulate(events: readonly ChatStreamEvent[]) {
  const accumulator = new ChatStreamAccumulator();
  events.forEach((event) => accumulator.add(event));
  return accumulator.result();
}

const toolCall = (index: number, args: string): CohereStreamEvent => ({
  type: 'tool-call-delta',
  index,
  delta: { message: { tool_calls: { function: { arguments: args } } } },
});
const toolStart = (index: number, id: string, name: string, args = ''): CohereStreamEvent => ({
  type: 'tool-call-start',
  index,
  delta: { message: { tool_calls: { id, type: 'function', function: { name, arguments: args } } } },
});
const messageEnd = (finishReason: string): CohereStreamEvent => ({
  type: 'message-end',
  delta: { finish_reason: finishReason, usage: { tokens: { input_tokens: 10, output_tokens: 2 } } },
});

describe('CohereChatStreamState', () => {
  it('streams text and ends with usage and one finish', () => {
    const events = run(chunks('cohere-text.chunks.txt'));
    expect(
      events.filter((e) => e.type === 'text-delta').map((e) => e.type === 'text-delta' && e.delta),
    ).toEqual(['The', ' smallest', ' prime', ' above', ' 10', ' is', ' 11', '.']);
    expect(events.slice(-2)).toEqual([
      {
        type: 'usage',
        usage: { inputTokens: 504, outputTokens: 10, totalTokens: 514, cachedInputTokens: 448 },
      },
      {
        type: 'finish',
        finishReason: 'stop',
        rawFinishReason: 'COMPLETE',
        providerRequestId: '3f9a6c2e-5b18-4d07-a9e3-0c4b7d1f8e62',
      },
    ]);
    expect(events.filter((e) => e.type === 'finish')).toHaveLength(1);
  });

  it('streams two tool calls with their argument fragments and the plan as reasoning', () => {
    const events = run(chunks('cohere-tool-calls.chunks.txt'));
    expect(events.filter((e) => e.type === 'tool-call-start')).toEqual([
      { type: 'tool-call-start', index: 0, id: 'getWeather_h5j2k8l0m3nb', name: 'getWeather' },
      { type: 'tool-call-start', index: 1, id: 'getWeather_p7q1r9s4t6uv', name: 'getWeather' },
    ]);
    expect(events.filter((e) => e.type === 'tool-call-delta' && e.index === 0)).toHaveLength(7);
    expect(accumulate(events)).toMatchObject({
      message: {
        text: '',
        reasoning: 'I will look up Lyon and Turin.',
        toolCalls: [
          { id: 'getWeather_h5j2k8l0m3nb', name: 'getWeather', arguments: '{"city": "Lyon"}' },
          { id: 'getWeather_p7q1r9s4t6uv', name: 'getWeather', arguments: '{"city": "Turin"}' },
        ],
      },
      finishReason: 'tool_calls',
    });
  });

  it('gives a tool call without arguments the arguments {}', () => {
    const events = run(chunks('cohere-empty-tool-call.chunks.txt'));
    expect(events.filter((e) => e.type.startsWith('tool-call'))).toEqual([
      { type: 'tool-call-start', index: 0, id: 'now_z4x8c2v6b0nm', name: 'now' },
      { type: 'tool-call-delta', index: 0, argumentsDelta: '{}' },
      { type: 'tool-call-end', index: 0 },
    ]);
  });

  it('replaces arguments that spell null, even split across deltas, with {}', () => {
    const events = run([
      toolStart(0, 'now_1', 'now'),
      toolCall(0, 'nu'),
      toolCall(0, 'll'),
      { type: 'tool-call-end', index: 0 },
      messageEnd('TOOL_CALL'),
    ]);
    expect(accumulate(events).message.toolCalls).toEqual([{ id: 'now_1', name: 'now', arguments: '{}' }]);
    expect(events.filter((e) => e.type === 'tool-call-delta')).toEqual([
      { type: 'tool-call-delta', index: 0, argumentsDelta: '{}' },
    ]);
  });

  it('passes arguments given at the start of a call on', () => {
    const events = run([
      toolStart(0, 'c1', 'f', '{"a":1}'),
      { type: 'tool-call-end', index: 0 },
      messageEnd('TOOL_CALL'),
    ]);
    expect(accumulate(events).message.toolCalls).toEqual([{ id: 'c1', name: 'f', arguments: '{"a":1}' }]);
  });

  it('keeps thinking as reasoning and the answer as text', () => {
    const result = accumulate(run(chunks('cohere-reasoning.chunks.txt')));
    expect(result.message).toEqual({
      text: '3 × 4 = 12.',
      reasoning: 'The user wants 3 times 4. That is 12.',
      toolCalls: [],
    });
  });

  it('separates a tool plan from earlier thinking as the non-streamed result does', () => {
    const result = accumulate(
      run([
        {
          type: 'content-start',
          index: 0,
          delta: { message: { content: { type: 'thinking', thinking: '' } } },
        },
        { type: 'content-delta', index: 0, delta: { message: { content: { thinking: 'Need the clock.' } } } },
        { type: 'content-end', index: 0 },
        { type: 'tool-plan-delta', delta: { message: { tool_plan: 'Calling now.' } } },
        toolStart(0, 'now_1', 'now'),
        { type: 'tool-call-end', index: 0 },
        messageEnd('TOOL_CALL'),
      ]),
    );
    expect(result.message.reasoning).toBe('Need the clock.\n\nCalling now.');
  });

  it('ignores citation events', () => {
    const result = accumulate(run(chunks('cohere-citations.chunks.txt')));
    expect(result.message.text).toBe('The memo lists lower rent.');
    expect(result.finishReason).toBe('stop');
  });

  it('throws when the stream ends before message-end', () => {
    const state = new CohereChatStreamState();
    chunks('cohere-text.chunks.txt')
      .slice(0, -1)
      .forEach((event) => state.push(event));
    expect(() => state.end()).toThrow(
      expect.objectContaining({
        code: 'provider_error',
        message: 'cohere: the stream ended before its message-end event',
      }),
    );
  });

  it('reports a generation error sent in message-end, without the secret', () => {
    const state = new CohereChatStreamState({ secrets: ['co-secret-123'] });
    state.push({ type: 'message-start', id: 'm1' });
    expect(() =>
      state.push({
        type: 'message-end',
        delta: { finish_reason: 'ERROR', error: 'internal failure for key co-secret-123' },
      }),
    ).toThrow(
      expect.objectContaining({
        code: 'provider_error',
        message: 'cohere: internal failure for key [redacted]',
      }),
    );
  });

  it('finishes with error when Cohere reports ERROR or TIMEOUT without a message', () => {
    expect(run([messageEnd('TIMEOUT')]).at(-1)).toEqual({
      type: 'finish',
      finishReason: 'error',
      rawFinishReason: 'TIMEOUT',
    });
  });

  it('closes a tool call Cohere never ended and ignores anything after message-end', () => {
    const state = new CohereChatStreamState();
    const events = run(
      [
        toolStart(0, 'c1', 'f'),
        toolCall(0, '{"x":2}'),
        messageEnd('TOOL_CALL'),
        { type: 'content-delta', index: 0, delta: { message: { content: { text: 'late' } } } },
        messageEnd('COMPLETE'),
      ],
      state,
    );
    expect(events.map((e) => e.type)).toEqual([
      'tool-call-start',
      'tool-call-delta',
      'tool-call-end',
      'usage',
      'finish',
    ]);
  });
});

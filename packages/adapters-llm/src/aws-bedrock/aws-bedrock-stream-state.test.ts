import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ProviderError, type ChatStreamEvent } from '@integration-api/core';
import type { AwsBedrockStreamEvent } from './aws-bedrock-api.js';
import { awsBedrockStreamEventOf } from './aws-bedrock-event-stream-decoder.js';
import { AwsBedrockStreamState } from './aws-bedrock-stream-state.js';

/** The events of a `.chunks.txt` fixture (one `{"<event-type>": payload}` per line), typed as the decoder does. */
function eventsOf(name: string): AwsBedrockStreamEvent[] {
  return readFileSync(join(__dirname, '__fixtures__', name), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [eventType, payload] = Object.entries(JSON.parse(line) as Record<string, unknown>)[0]!;
      return awsBedrockStreamEventOf(
        {
          headers: { ':message-type': 'event', ':event-type': eventType },
          body: Buffer.from(JSON.stringify(payload)),
        },
        [],
      );
    });
}

function run(
  events: readonly AwsBedrockStreamEvent[],
  state = new AwsBedrockStreamState(),
): ChatStreamEvent[] {
  return [...events.flatMap((event) => state.push(event)), ...state.end()];
}

const textOf = (events: readonly ChatStreamEvent[], type: 'text-delta' | 'reasoning-delta') =>
  events.flatMap((e) => (e.type === type ? [e.delta] : [])).join('');

describe('AwsBedrockStreamState', () => {
  it('streams text without a block start and finishes with the usage sent after messageStop', () => {
    const state = new AwsBedrockStreamState({
      model: 'us.anthropic.claude-sonnet-4-5-20250929-v1:0',
      providerRequestId: 'req-1',
    });
    const events = run(eventsOf('aws-bedrock-text.chunks.txt'), state);
    expect(events).toEqual([
      { type: 'text-delta', delta: 'Blue light' },
      { type: 'text-delta', delta: ' scatters more' },
      { type: 'text-delta', delta: ' than red light.' },
      { type: 'usage', usage: { inputTokens: 22, outputTokens: 9, totalTokens: 31, cachedInputTokens: 8 } },
      {
        type: 'finish',
        finishReason: 'stop',
        rawFinishReason: 'end_turn',
        model: 'us.anthropic.claude-sonnet-4-5-20250929-v1:0',
        providerRequestId: 'req-1',
      },
    ]);
  });

  it('finishes as soon as both the stop reason and the usage came', () => {
    const state = new AwsBedrockStreamState();
    const events = eventsOf('aws-bedrock-text.chunks.txt');
    const last = events.pop()!;
    events.forEach((event) => state.push(event));
    expect(state.done).toBe(false);
    expect(state.push(last).map((e) => e.type)).toEqual(['usage', 'finish']);
    expect(state.done).toBe(true);
    expect(state.push(last)).toEqual([]);
    expect(state.end()).toEqual([]);
  });

  it('streams reasoning apart from the text and skips the signature and empty deltas', () => {
    const events = run(eventsOf('aws-bedrock-reasoning.chunks.txt'));
    expect(textOf(events, 'reasoning-delta')).toBe('17 * 3 is 51, plus 4 is 55.');
    expect(textOf(events, 'text-delta')).toBe('The answer is **55**.');
    expect(events.filter((e) => e.type === 'reasoning-delta')).toHaveLength(3);
    expect(JSON.stringify(events)).not.toContain('Signature');
  });

  it('numbers tool calls in order, streams their input fragments and gives {} to a call without input', () => {
    const events = run(eventsOf('aws-bedrock-tool-call.chunks.txt'));
    expect(events).toEqual([
      { type: 'text-delta', delta: 'Checking both cities.' },
      { type: 'tool-call-start', index: 0, id: 'tooluse_Lq2mB7uQRW6v1H9sX0aZcA', name: 'get_weather' },
      { type: 'tool-call-delta', index: 0, argumentsDelta: '{"city": "Lis' },
      { type: 'tool-call-delta', index: 0, argumentsDelta: 'bon"}' },
      { type: 'tool-call-end', index: 0 },
      { type: 'tool-call-start', index: 1, id: 'tooluse_8dKf3NnYTbO0pQe5rS1uVw', name: 'get_time' },
      { type: 'tool-call-delta', index: 1, argumentsDelta: '{}' },
      { type: 'tool-call-end', index: 1 },
      { type: 'usage', usage: { inputTokens: 310, outputTokens: 88, totalTokens: 398 } },
      { type: 'finish', finishReason: 'tool_calls', rawFinishReason: 'tool_use' },
    ]);
  });

  it('takes the usage sent before messageStop, as the hand-written recordings do', () => {
    const events = run(eventsOf('aws-bedrock-metadata-first.chunks.txt'));
    expect(events).toEqual([
      { type: 'text-delta', delta: 'Updating the list.' },
      { type: 'tool-call-start', index: 0, id: 'tooluse_no_args_1', name: 'refresh_list' },
      { type: 'tool-call-delta', index: 0, argumentsDelta: '{}' },
      { type: 'tool-call-end', index: 0 },
      { type: 'usage', usage: { inputTokens: 90, outputTokens: 20, totalTokens: 110 } },
      { type: 'finish', finishReason: 'tool_calls', rawFinishReason: 'tool_use' },
    ]);
  });

  it('finishes without usage when the body ends after messageStop', () => {
    const events = eventsOf('aws-bedrock-text.chunks.txt').filter((e) => e.type !== 'metadata');
    expect(run(events).slice(-1)).toEqual([
      { type: 'finish', finishReason: 'stop', rawFinishReason: 'end_turn' },
    ]);
  });

  it('throws when the body ends before messageStop', () => {
    const state = new AwsBedrockStreamState();
    eventsOf('aws-bedrock-text.chunks.txt')
      .slice(0, 3)
      .forEach((event) => state.push(event));
    expect(() => state.end()).toThrow(
      new ProviderError('error', 'aws-bedrock', 'the stream ended before its messageStop event'),
    );
  });

  it('closes a tool call left open at the stop', () => {
    const events = run([
      {
        type: 'contentBlockStart',
        payload: { contentBlockIndex: 0, start: { toolUse: { toolUseId: 't1', name: 'x' } } },
      },
      {
        type: 'contentBlockDelta',
        payload: { contentBlockIndex: 0, delta: { toolUse: { input: '{"a":1}' } } },
      },
      { type: 'messageStop', payload: { stopReason: 'max_tokens' } },
    ]);
    expect(events.map((e) => e.type)).toEqual([
      'tool-call-start',
      'tool-call-delta',
      'tool-call-end',
      'finish',
    ]);
    expect(events[3]).toMatchObject({ finishReason: 'length' });
  });

  it('refuses tool input for a block that started no tool call', () => {
    const state = new AwsBedrockStreamState();
    expect(() =>
      state.push({
        type: 'contentBlockDelta',
        payload: { contentBlockIndex: 3, delta: { toolUse: { input: '{}' } } },
      }),
    ).toThrow(ProviderError);
  });

  it('ignores events it does not know', () => {
    expect(
      new AwsBedrockStreamState().push({ type: 'unknown', eventType: 'citationsDelta', payload: {} }),
    ).toEqual([]);
  });
});

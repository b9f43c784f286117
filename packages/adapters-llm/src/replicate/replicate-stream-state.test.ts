import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ProviderError, type ChatStreamEvent } from '@integration-api/core';
import type { ReplicateStreamEvent } from './replicate-api.js';
import { ReplicateStreamState } from './replicate-stream-state.js';

/** A fixture stream: one `<event>\t<data as a JSON string>` per line. */
function events(name: string): ReplicateStreamEvent[] {
  return readFileSync(join(__dirname, '__fixtures__', name), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => {
      const [event, data] = line.split('\t') as [string, string];
      return { event, data: JSON.parse(data) as string };
    });
}

function run(state: ReplicateStreamState, input: readonly ReplicateStreamEvent[]): ChatStreamEvent[] {
  return input.flatMap((event) => state.push(event));
}

describe('ReplicateStreamState', () => {
  it('yields each output piece as text and finishes only when ended, with what the adapter learned', () => {
    const state = new ReplicateStreamState();
    const out = run(state, events('replicate-text.events.txt'));
    expect(out).toEqual([
      { type: 'text-delta', delta: 'Hello' },
      { type: 'text-delta', delta: ', ' },
      { type: 'text-delta', delta: 'world!' },
    ]);
    expect(state.done).toBe(true);
    expect(
      state.end({
        usage: { inputTokens: 12, outputTokens: 3, totalTokens: 15 },
        model: 'meta/meta-llama-3-8b-instruct',
        providerRequestId: 'p1',
      }),
    ).toEqual([
      { type: 'usage', usage: { inputTokens: 12, outputTokens: 3, totalTokens: 15 } },
      {
        type: 'finish',
        finishReason: 'stop',
        rawFinishReason: 'succeeded',
        model: 'meta/meta-llama-3-8b-instruct',
        providerRequestId: 'p1',
      },
    ]);
  });

  it('finishes without a usage event when no usage is known', () => {
    const state = new ReplicateStreamState();
    state.push({ event: 'done', data: '' });
    expect(state.end({ usage: {} })).toEqual([
      { type: 'finish', finishReason: 'stop', rawFinishReason: 'succeeded' },
    ]);
  });

  it('keeps line breaks inside a piece and ignores output after done', () => {
    const state = new ReplicateStreamState();
    expect(state.push({ event: 'output', data: 'a\n\nb' })).toEqual([
      { type: 'text-delta', delta: 'a\n\nb' },
    ]);
    state.push({ event: 'done', data: '{}' });
    expect(state.push({ event: 'output', data: 'late' })).toEqual([]);
  });

  it("throws an error event's detail, scrubbed of the secret", () => {
    const state = new ReplicateStreamState({ secrets: ['r8_secret_value_0001'] });
    expect(state.push({ event: 'output', data: 'Hel' })).toHaveLength(1);
    expect(() => state.push({ event: 'error', data: '{"detail":"boom r8_secret_value_0001"}' })).toThrow(
      new ProviderError('error', 'replicate', 'boom [redacted]'),
    );
  });

  it.each([
    ['{"reason":"canceled"}', 'the prediction was canceled'],
    ['{"reason":"error"}', 'the prediction failed'],
    ['{"reason":"timeout"}', 'the prediction ended early (timeout)'],
  ])('throws when done says %s', (data, message) => {
    const state = new ReplicateStreamState();
    expect(() => state.push({ event: 'done', data })).toThrow(message);
    expect(state.done).toBe(false);
  });

  it('throws from end() when done never came', () => {
    const state = new ReplicateStreamState();
    state.push({ event: 'output', data: 'Hel' });
    expect(() => state.end()).toThrow('the stream ended before its done event');
  });
});

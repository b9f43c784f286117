import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ProviderError, type ChatStreamEvent } from '@integration-api/core';
import type { GoogleGenerateContentResponse } from './google-api.js';
import { GoogleStreamState } from './google-stream-state.js';

const chunks = (name: string): GoogleGenerateContentResponse[] =>
  readFileSync(join(__dirname, '__fixtures__', name), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as GoogleGenerateContentResponse);

function run(name: string, provider: 'google-gemini' | 'google-vertex' = 'google-gemini'): ChatStreamEvent[] {
  const state = new GoogleStreamState(provider);
  return [...chunks(name).flatMap((chunk) => state.push(chunk)), ...state.end()];
}

/** The arguments of each call, joined from its deltas. */
function argumentsByCall(events: ChatStreamEvent[]): Record<number, string> {
  const args: Record<number, string> = {};
  for (const e of events)
    if (e.type === 'tool-call-delta') args[e.index] = (args[e.index] ?? '') + e.argumentsDelta;
  return args;
}

describe('GoogleStreamState', () => {
  it('streams text, skips the empty signature part, and ends with the latest usage and the finish', () => {
    expect(run('gemini-text.chunks.txt')).toEqual([
      { type: 'text-delta', delta: 'The capital of Australia' },
      { type: 'text-delta', delta: ' is **Canberra**, not Sydney.' },
      { type: 'usage', usage: { inputTokens: 11, outputTokens: 109, totalTokens: 120, reasoningTokens: 97 } },
      {
        type: 'finish',
        finishReason: 'stop',
        rawFinishReason: 'STOP',
        model: 'gemini-3-pro-preview',
        providerRequestId: 'uHmQaZ2DMf6zgLUP4p2gqAw',
      },
    ]);
  });

  it('sends a whole Gemini function call as start, one delta and end, finishing with tool_calls', () => {
    const events = run('gemini-tool-call.chunks.txt');
    expect(events.slice(0, 3)).toEqual([
      { type: 'tool-call-start', index: 0, id: 'call_wXmQabO2E5DcgLUPwqW0yAs_0', name: 'get_time' },
      { type: 'tool-call-delta', index: 0, argumentsDelta: '{"city":"Lisbon"}' },
      { type: 'tool-call-end', index: 0 },
    ]);
    expect(events.at(-1)).toMatchObject({
      type: 'finish',
      finishReason: 'tool_calls',
      rawFinishReason: 'STOP',
    });
  });

  it('streams thought summaries as reasoning', () => {
    const events = run('gemini-reasoning.chunks.txt');
    expect(events.filter((e) => e.type === 'reasoning-delta')).toEqual([
      {
        type: 'reasoning-delta',
        delta: '**Comparing sizes**\n\nA kilogram is a kilogram, whatever it is made of.\n',
      },
    ]);
    expect(
      events
        .filter((e) => e.type === 'text-delta')
        .map((e) => (e as { delta: string }).delta)
        .join(''),
    ).toBe('They weigh the same: one kilogram each.');
    expect(events.find((e) => e.type === 'usage')).toEqual({
      type: 'usage',
      usage: { inputTokens: 14, outputTokens: 59, totalTokens: 73, reasoningTokens: 48 },
    });
  });

  it('reassembles Vertex’s streamed arguments of parallel calls, each sent whole at its close', () => {
    const events = run('vertex-stream-partial-args.chunks.txt', 'google-vertex');
    expect(events.filter((e) => e.type.startsWith('tool-call'))).toEqual([
      { type: 'tool-call-start', index: 0, id: 'call_Kp1XacT0Hd2mz7IPvrOQ4Ak_0', name: 'get_time' },
      { type: 'tool-call-delta', index: 0, argumentsDelta: '{"city":"Lisbon"}' },
      { type: 'tool-call-end', index: 0 },
      { type: 'tool-call-start', index: 1, id: 'call_Kp1XacT0Hd2mz7IPvrOQ4Ak_1', name: 'get_time' },
      { type: 'tool-call-delta', index: 1, argumentsDelta: '{"city":"Rio de Janeiro"}' },
      { type: 'tool-call-end', index: 1 },
    ]);
    expect(events.slice(-2)).toEqual([
      {
        type: 'usage',
        usage: { inputTokens: 31, outputTokens: 138, totalTokens: 169, reasoningTokens: 118 },
      },
      {
        type: 'finish',
        finishReason: 'tool_calls',
        rawFinishReason: 'STOP',
        model: 'gemini-3.1-pro-preview',
        providerRequestId: 'Kp1XacT0Hd2mz7IPvrOQ4Ak',
      },
    ]);
  });

  it('handles a thought, a call without arguments delivered whole, then streamed calls', () => {
    const events = run('vertex-stream-thought-and-calls.chunks.txt', 'google-vertex');
    expect(events[0]).toMatchObject({ type: 'reasoning-delta' });
    expect(
      events.filter((e) => e.type === 'tool-call-start').map((e) => (e as { name: string }).name),
    ).toEqual(['get_units', 'read_sensor', 'read_sensor']);
    expect(argumentsByCall(events)).toEqual({ 0: '{}', 1: '{"id":"north"}', 2: '{"id":"south"}' });
    expect(events.filter((e) => e.type === 'tool-call-end')).toHaveLength(3);
  });

  it('closes a call whose last piece has no willContinue, without the closing part', () => {
    const events = run('vertex-stream-missing-terminal-call.chunks.txt', 'google-vertex');
    expect(JSON.parse(argumentsByCall(events)[0]!)).toEqual({
      lines: [
        { sku: 'TEA-01', qty: 2 },
        { sku: 'CUP-07', qty: 0.5 },
      ],
    });
    expect(events.filter((e) => e.type === 'tool-call-end')).toEqual([{ type: 'tool-call-end', index: 0 }]);
  });

  it('reassembles deeply nested arguments across separator parts and split strings', () => {
    const events = run('vertex-stream-nested-args.chunks.txt', 'google-vertex');
    expect(JSON.parse(argumentsByCall(events)[0]!)).toEqual({
      trip: {
        stops: [
          { city: 'Porto', nights: 2 },
          { city: 'Coimbra', nights: 1 },
        ],
        name: 'North of Portugal',
        notes: ['Book the "Livraria" tour in advance.'],
        flexible: true,
      },
    });
    expect(events.filter((e) => e.type === 'tool-call-start')).toHaveLength(1);
  });

  it('finishes a blocked prompt as a content filter', () => {
    expect(run('gemini-prompt-blocked.chunks.txt')).toEqual([
      { type: 'usage', usage: { inputTokens: 8, totalTokens: 8 } },
      {
        type: 'finish',
        finishReason: 'content_filter',
        rawFinishReason: 'PROHIBITED_CONTENT',
        model: 'gemini-2.5-flash',
        providerRequestId: 'zXmQaeW2H4LogLUPx4-xuAk',
      },
    ]);
  });

  it('keeps the text before a safety stop and finishes as a content filter', () => {
    const events = run('gemini-safety.chunks.txt');
    expect(events[0]).toEqual({ type: 'text-delta', delta: 'Here is how' });
    expect(events.at(-1)).toMatchObject({ finishReason: 'content_filter', rawFinishReason: 'SAFETY' });
  });

  it('throws at the end of a stream cut before its finish chunk', () => {
    const state = new GoogleStreamState('google-gemini');
    const seen = chunks('gemini-truncated.chunks.txt').flatMap((chunk) => state.push(chunk));
    expect(seen).toHaveLength(2);
    expect(() => state.end()).toThrow(ProviderError);
    expect(() => new GoogleStreamState('google-gemini').end()).toThrow(
      'google-gemini: the stream ended before the answer was finished',
    );
  });

  it('throws the error Google sends in the middle of a stream', () => {
    const state = new GoogleStreamState('google-gemini');
    const [first, second] = chunks('gemini-stream-error.chunks.txt');
    expect(state.push(first!)).toEqual([{ type: 'text-delta', delta: 'Let me think' }]);
    expect(() => state.push(second!)).toThrow(
      expect.objectContaining({
        kind: 'unavailable',
        message: 'google-gemini: The model is overloaded. Please try again later.',
      }),
    );
  });

  it('ignores content after the finish chunk but takes later usage', () => {
    const state = new GoogleStreamState('google-gemini');
    state.push({ candidates: [{ content: { parts: [{ text: 'Hi' }] }, finishReason: 'STOP' }] });
    expect(
      state.push({
        candidates: [{ content: { parts: [{ text: 'late' }] } }],
        usageMetadata: { promptTokenCount: 2 },
      }),
    ).toEqual([]);
    expect(state.end()).toEqual([
      { type: 'usage', usage: { inputTokens: 2 } },
      { type: 'finish', finishReason: 'stop', rawFinishReason: 'STOP' },
    ]);
  });
});

import type { ChatResult } from '@integration-api/core';
import { ChatCompletionChunks } from './chat-completion-chunks.js';

const meta = { id: 'chatcmpl-1', created: 1_700_000_000, model: 'main/m' };

function deltas(chunks: ChatCompletionChunks, ...events: Parameters<ChatCompletionChunks['map']>[0][]) {
  return events.flatMap((event) => chunks.map(event)).map((chunk) => chunk.choices[0]?.delta);
}

const result: ChatResult = {
  message: { text: 'x', toolCalls: [] },
  finishReason: 'stop',
  usage: { inputTokens: 3, outputTokens: 1, totalTokens: 4 },
  metrics: { latencyMs: 1 },
};

describe('ChatCompletionChunks', () => {
  it('starts with the role, then one delta per event', () => {
    const chunks = new ChatCompletionChunks(meta, false);
    expect(
      deltas(
        chunks,
        { type: 'reasoning-delta', delta: 'hmm' },
        { type: 'text-delta', delta: 'Hi' },
        { type: 'text-delta', delta: '' },
      ),
    ).toEqual([{ role: 'assistant', content: '' }, { reasoning_content: 'hmm' }, { content: 'Hi' }]);
  });

  it('numbers tool calls 0, 1… in order of appearance, whatever core numbered them', () => {
    const chunks = new ChatCompletionChunks(meta, false);
    expect(
      deltas(
        chunks,
        { type: 'tool-call-start', index: 4, id: 'a', name: 'f' },
        { type: 'tool-call-start', index: 2, id: 'b', name: 'g' },
        { type: 'tool-call-delta', index: 2, argumentsDelta: '{}' },
        { type: 'tool-call-delta', index: 4, argumentsDelta: '{"x":1}' },
        { type: 'tool-call-delta', index: 9, argumentsDelta: 'lost' },
        { type: 'tool-call-end', index: 4 },
      ),
    ).toEqual([
      { role: 'assistant', content: '' },
      { tool_calls: [{ index: 0, id: 'a', type: 'function', function: { name: 'f', arguments: '' } }] },
      { tool_calls: [{ index: 1, id: 'b', type: 'function', function: { name: 'g', arguments: '' } }] },
      { tool_calls: [{ index: 1, function: { arguments: '{}' } }] },
      { tool_calls: [{ index: 0, function: { arguments: '{"x":1}' } }] },
    ]);
  });

  it('sends the finish reason in a chunk of its own, and the usage last only when asked', () => {
    const withUsage = new ChatCompletionChunks(meta, true);
    const sent = [
      { type: 'finish', finishReason: 'other' } as const,
      { type: 'done', result } as const,
    ].flatMap((event) => withUsage.map(event));
    expect(sent).toEqual([
      {
        id: 'chatcmpl-1',
        object: 'chat.completion.chunk',
        created: 1_700_000_000,
        model: 'main/m',
        choices: [
          { index: 0, delta: { role: 'assistant', content: '' }, logprobs: null, finish_reason: null },
        ],
        usage: null,
      },
      expect.objectContaining({
        choices: [{ index: 0, delta: {}, logprobs: null, finish_reason: 'stop' }],
        usage: null,
      }),
      expect.objectContaining({ choices: [], usage: expect.objectContaining({ total_tokens: 4 }) }),
    ]);

    const without = new ChatCompletionChunks(meta, false);
    expect(without.map({ type: 'usage', usage: { inputTokens: 1 } })).toHaveLength(1); // the role chunk
    expect(without.map({ type: 'done', result })).toEqual([]);
  });
});

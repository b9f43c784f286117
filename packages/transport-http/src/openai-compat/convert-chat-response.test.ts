import type { ChatResult } from '@integration-api/core';
import {
  newCompletionMeta,
  toChatCompletion,
  toFinishReason,
  toOpenAiUsage,
} from './convert-chat-response.js';

describe('toFinishReason', () => {
  it.each([
    ['stop', 'stop'],
    ['length', 'length'],
    ['tool_calls', 'tool_calls'],
    ['content_filter', 'content_filter'],
    ['other', 'stop'],
    ['error', 'stop'],
  ] as const)('maps %s to %s', (core, openai) => {
    expect(toFinishReason(core)).toBe(openai);
  });
});

describe('toOpenAiUsage', () => {
  it('reports unknown counts as 0 and adds the total when the provider did not', () => {
    expect(toOpenAiUsage({ inputTokens: 10, outputTokens: 5 })).toEqual({
      prompt_tokens: 10,
      completion_tokens: 5,
      total_tokens: 15,
      prompt_tokens_details: { cached_tokens: 0 },
      completion_tokens_details: { reasoning_tokens: 0 },
    });
    expect(toOpenAiUsage({}).total_tokens).toBe(0);
    expect(toOpenAiUsage({ inputTokens: 1, outputTokens: 1, totalTokens: 9 }).total_tokens).toBe(9);
  });
});

describe('toChatCompletion', () => {
  it('carries the reasoning as reasoning_content when there is some', () => {
    const result: ChatResult = {
      message: { text: '42', reasoning: 'thought hard', toolCalls: [] },
      finishReason: 'stop',
      usage: {},
      metrics: { latencyMs: 1 },
    };
    const completion = toChatCompletion(result, { id: 'chatcmpl-x', created: 1, model: 'main/m' });
    expect(completion.choices[0]?.message).toEqual({
      role: 'assistant',
      content: '42',
      refusal: null,
      reasoning_content: 'thought hard',
    });
  });
});

describe('newCompletionMeta', () => {
  it('makes a chatcmpl- id and a creation time in seconds', () => {
    const meta = newCompletionMeta('main/m', 1_700_000_000_999);
    expect(meta).toEqual({
      id: expect.stringMatching(/^chatcmpl-[A-Za-z0-9_-]{20}$/),
      created: 1_700_000_000,
      model: 'main/m',
    });
    expect(newCompletionMeta('main/m').id).not.toBe(meta.id);
  });
});

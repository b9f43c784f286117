import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ProviderError } from '@integration-api/core';
import { parseOpenAICompatibleResponse } from './parse-openai-compatible-response.js';

const readJsonFixture = (name: string): unknown =>
  JSON.parse(readFileSync(join(__dirname, '__fixtures__', name), 'utf8'));

describe('parseOpenAICompatibleResponse', () => {
  it('reads parallel tool calls with cached-token usage', () => {
    expect(
      parseOpenAICompatibleResponse(readJsonFixture('openai-tool-calls.json'), { provider: 'openai' }),
    ).toEqual({
      message: {
        text: '',
        toolCalls: [
          { id: 'call_oslo0001', name: 'get_weather', arguments: '{"city":"Oslo"}' },
          { id: 'call_oslo0002', name: 'get_time', arguments: '{"zone":"Europe/Oslo"}' },
        ],
      },
      finishReason: 'tool_calls',
      rawFinishReason: 'tool_calls',
      usage: {
        inputTokens: 2048,
        outputTokens: 52,
        totalTokens: 2100,
        cachedInputTokens: 1920,
        reasoningTokens: 0,
      },
      model: 'gpt-4.1-2025-04-14',
      providerRequestId: 'chatcmpl-Nt5',
    });
  });

  it('reads reasoning_content and prefers the request id header', () => {
    const result = parseOpenAICompatibleResponse(readJsonFixture('azure-reasoning.json'), {
      provider: 'azure-openai',
      requestId: 'apim-7',
    });
    expect(result).toMatchObject({
      message: {
        text: 'Name it Comeback Day, held each year on the date of the win.',
        reasoning: 'The user wants a holiday about a game. Pick a playful name and a date.',
        toolCalls: [],
      },
      finishReason: 'stop',
      usage: { inputTokens: 22, outputTokens: 140, totalTokens: 162 },
      model: 'deepseek-v4-pro',
      providerRequestId: 'apim-7',
    });
  });

  it("reads Mistral's thinking content blocks", () => {
    expect(
      parseOpenAICompatibleResponse(readJsonFixture('mistral-reasoning.json'), { provider: 'mistral' })
        .message,
    ).toEqual({ text: '3 × 3 = 9', reasoning: 'Three times three is nine.', toolCalls: [] });
  });

  it("reads Mistral's tool calls, which have no type", () => {
    expect(
      parseOpenAICompatibleResponse(readJsonFixture('mistral-tool-call.json'), { provider: 'mistral' }),
    ).toMatchObject({
      message: {
        text: '',
        toolCalls: [{ id: 'Wq3Zr7TbN', name: 'get_weather', arguments: '{"city": "Lyon"}' }],
      },
      finishReason: 'tool_calls',
    });
  });

  it('shows a refusal as text finished by the content filter, keeping the raw reason', () => {
    expect(
      parseOpenAICompatibleResponse(readJsonFixture('openai-refusal.json'), { provider: 'openai' }),
    ).toMatchObject({
      message: { text: "I can't help with that request.", toolCalls: [] },
      finishReason: 'content_filter',
      rawFinishReason: 'stop',
    });
  });

  it('fills a missing call id and arguments, and stringifies object arguments', () => {
    const result = parseOpenAICompatibleResponse(
      {
        choices: [
          {
            message: {
              tool_calls: [
                { function: { name: 'now' } },
                { id: 'x', function: { name: 'f', arguments: { a: 1 } } },
              ],
            },
            finish_reason: 'tool_calls',
          },
        ],
      },
      { provider: 'openai' },
    );
    expect(result.message.toolCalls).toEqual([
      { id: 'call_0', name: 'now', arguments: '{}' },
      { id: 'x', name: 'f', arguments: '{"a":1}' },
    ]);
    expect(result).not.toHaveProperty('model');
    expect(result).not.toHaveProperty('providerRequestId');
  });

  it('refuses an answer without choices', () => {
    expect(() => parseOpenAICompatibleResponse({ id: 'x', choices: [] }, { provider: 'openai' })).toThrow(
      ProviderError,
    );
    expect(() => parseOpenAICompatibleResponse('nope', { provider: 'openai' })).toThrow(
      'the answer holds no choice',
    );
  });
});

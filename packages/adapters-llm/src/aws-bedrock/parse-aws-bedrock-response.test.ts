import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ProviderError } from '@integration-api/core';
import { parseAwsBedrockResponse } from './parse-aws-bedrock-response.js';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(join(__dirname, '__fixtures__', name), 'utf8')) as unknown;

describe('parseAwsBedrockResponse', () => {
  it('reads a text answer with its usage, stop reason, model and request id', () => {
    expect(
      parseAwsBedrockResponse(fixture('aws-bedrock-text.json'), {
        model: 'us.anthropic.claude-sonnet-4-5-20250929-v1:0',
        providerRequestId: 'b4c1e0f6-1234-4d3e-9a8b-0c1d2e3f4a5b',
      }),
    ).toEqual({
      message: {
        text: 'Blue light scatters more than red light in the atmosphere, so the sky looks blue.',
        toolCalls: [],
      },
      finishReason: 'stop',
      rawFinishReason: 'end_turn',
      usage: { inputTokens: 14, outputTokens: 21, totalTokens: 35, cachedInputTokens: 0 },
      model: 'us.anthropic.claude-sonnet-4-5-20250929-v1:0',
      providerRequestId: 'b4c1e0f6-1234-4d3e-9a8b-0c1d2e3f4a5b',
    });
  });

  it('reads reasoning apart from the text and drops its signature', () => {
    const result = parseAwsBedrockResponse(fixture('aws-bedrock-reasoning.json'));
    expect(result.message).toEqual({
      text: 'The answer is **55**.',
      reasoning: '17 * 3 is 51, and 51 + 4 is 55.',
      toolCalls: [],
    });
    expect(JSON.stringify(result)).not.toContain('Signature');
  });

  it('reads tool calls with their input as JSON text, cache counts included in the usage', () => {
    const result = parseAwsBedrockResponse(fixture('aws-bedrock-tool-call.json'));
    expect(result.message).toEqual({
      text: "I'll look up the weather in both cities.",
      toolCalls: [
        { id: 'tooluse_Lq2mB7uQRW6v1H9sX0aZcA', name: 'get_weather', arguments: '{"city":"Lisbon"}' },
        { id: 'tooluse_8dKf3NnYTbO0pQe5rS1uVw', name: 'get_time', arguments: '{}' },
      ],
    });
    expect(result.finishReason).toBe('tool_calls');
    expect(result.usage).toEqual({
      inputTokens: 1534,
      outputTokens: 88,
      totalTokens: 1622,
      cachedInputTokens: 1024,
    });
  });

  it('marks a guardrail intervention as content_filter and skips blocks it does not know', () => {
    const result = parseAwsBedrockResponse({
      output: {
        message: {
          role: 'assistant',
          content: [{ text: 'Sorry, I cannot help with that.' }, { citationsContent: { citations: [] } }],
        },
      },
      stopReason: 'guardrail_intervened',
      usage: { inputTokens: 10, outputTokens: 8, totalTokens: 18 },
    });
    expect(result.finishReason).toBe('content_filter');
    expect(result.rawFinishReason).toBe('guardrail_intervened');
    expect(result.message.text).toBe('Sorry, I cannot help with that.');
  });

  it('refuses an answer without a message', () => {
    expect(() => parseAwsBedrockResponse({ stopReason: 'end_turn' })).toThrow(ProviderError);
    expect(() => parseAwsBedrockResponse(null)).toThrow('aws-bedrock: the Converse answer has no message');
  });
});

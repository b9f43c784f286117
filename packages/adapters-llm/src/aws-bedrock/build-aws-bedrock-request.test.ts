import { InvalidArgumentError, type ChatRequest } from '@integration-api/core';
import { buildAwsBedrockRequest } from './build-aws-bedrock-request.js';

const CLAUDE = 'us.anthropic.claude-sonnet-4-5-20250929-v1:0';
const NOVA = 'amazon.nova-lite-v1:0';
const base: ChatRequest = { model: CLAUDE, messages: [{ role: 'user', content: 'Hi' }] };

describe('buildAwsBedrockRequest', () => {
  it('sends only the messages when nothing else is asked', () => {
    expect(buildAwsBedrockRequest(base)).toEqual({ messages: [{ role: 'user', content: [{ text: 'Hi' }] }] });
  });

  it('maps the sampling parameters to inferenceConfig and the system prompt to system', () => {
    const body = buildAwsBedrockRequest({
      ...base,
      messages: [{ role: 'system', content: 'Be brief.' }, ...base.messages],
      maxOutputTokens: 300,
      temperature: 0.2,
      topP: 0.9,
      stop: ['END'],
    });
    expect(body).toEqual({
      messages: [{ role: 'user', content: [{ text: 'Hi' }] }],
      system: [{ text: 'Be brief.' }],
      inferenceConfig: { maxTokens: 300, temperature: 0.2, topP: 0.9, stopSequences: ['END'] },
    });
  });

  it('leaves out parameters Converse has no field for', () => {
    const body = buildAwsBedrockRequest({
      ...base,
      seed: 7,
      presencePenalty: 0.5,
      frequencyPenalty: 0.5,
      parallelToolCalls: false,
      responseFormat: { type: 'json_object' },
    });
    expect(body).toEqual({ messages: [{ role: 'user', content: [{ text: 'Hi' }] }] });
  });

  it('refuses a temperature above 1', () => {
    expect(() => buildAwsBedrockRequest({ ...base, temperature: 1.5 })).toThrow(
      new InvalidArgumentError('temperature', 'must be a number from 0 to 1 for Bedrock'),
    );
  });

  it('turns a thinking budget into Anthropic thinking and adds it to the default allowance', () => {
    const body = buildAwsBedrockRequest({ ...base, reasoningBudgetTokens: 2048 });
    expect(body.additionalModelRequestFields).toEqual({ thinking: { type: 'enabled', budget_tokens: 2048 } });
    expect(body.inferenceConfig).toEqual({ maxTokens: 4096 + 2048 });
  });

  it('keeps the caller maxOutputTokens with a budget below it', () => {
    const body = buildAwsBedrockRequest({ ...base, reasoningBudgetTokens: 2048, maxOutputTokens: 8000 });
    expect(body.inferenceConfig).toEqual({ maxTokens: 8000 });
  });

  it('refuses a budget Anthropic models refuse', () => {
    expect(() => buildAwsBedrockRequest({ ...base, reasoningBudgetTokens: 500 })).toThrow(
      new InvalidArgumentError('reasoningBudgetTokens', 'must be at least 1024 for Anthropic models'),
    );
    expect(() =>
      buildAwsBedrockRequest({ ...base, reasoningBudgetTokens: 4000, maxOutputTokens: 4000 }),
    ).toThrow(InvalidArgumentError);
  });

  it('turns a reasoning effort into a thinking budget for Anthropic models', () => {
    const body = buildAwsBedrockRequest({ ...base, reasoningEffort: 'medium' });
    expect(body.additionalModelRequestFields).toEqual({ thinking: { type: 'enabled', budget_tokens: 8192 } });
  });

  it('recognises Anthropic models by foundation-model and inference-profile ARNs too', () => {
    const arn =
      'arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-7-sonnet-20250219-v1:0';
    expect(
      buildAwsBedrockRequest({ ...base, model: arn, reasoningBudgetTokens: 1024 })
        .additionalModelRequestFields,
    ).toEqual({
      thinking: { type: 'enabled', budget_tokens: 1024 },
    });
  });

  it('sends no thinking settings to other model families', () => {
    const body = buildAwsBedrockRequest({
      ...base,
      model: NOVA,
      reasoningBudgetTokens: 2048,
      reasoningEffort: 'high',
    });
    expect(body.additionalModelRequestFields).toBeUndefined();
    expect(body.inferenceConfig).toBeUndefined();
  });

  it('merges providerOptions last, model fields one level deep', () => {
    const body = buildAwsBedrockRequest({
      ...base,
      reasoningBudgetTokens: 1024,
      providerOptions: {
        additionalModelRequestFields: { top_k: 40 },
        guardrailConfig: { guardrailIdentifier: 'gr-1', guardrailVersion: '1' },
        inferenceConfig: { maxTokens: 10 },
      },
    });
    expect(body.additionalModelRequestFields).toEqual({
      thinking: { type: 'enabled', budget_tokens: 1024 },
      top_k: 40,
    });
    expect(body.guardrailConfig).toEqual({ guardrailIdentifier: 'gr-1', guardrailVersion: '1' });
    expect(body.inferenceConfig).toEqual({ maxTokens: 10 });
  });

  it('sends tools as toolConfig and tool history as blocks', () => {
    const body = buildAwsBedrockRequest({
      ...base,
      messages: [
        { role: 'user', content: 'Weather?' },
        { role: 'assistant', toolCalls: [{ id: 'c1', name: 'get_weather', arguments: '{"city":"Oslo"}' }] },
        { role: 'tool', toolCallId: 'c1', content: 'rain' },
      ],
      tools: [{ name: 'get_weather', parameters: { type: 'object' } }],
      toolChoice: { type: 'required' },
    });
    expect(body.toolConfig).toEqual({
      tools: [{ toolSpec: { name: 'get_weather', inputSchema: { json: { type: 'object' } } } }],
      toolChoice: { any: {} },
    });
    expect(body.messages[1]!.content[0]).toEqual({
      toolUse: { toolUseId: 'c1', name: 'get_weather', input: { city: 'Oslo' } },
    });
  });

  it('writes tool history as text when tool choice is none', () => {
    const body = buildAwsBedrockRequest({
      ...base,
      messages: [
        { role: 'user', content: 'Weather?' },
        { role: 'assistant', toolCalls: [{ id: 'c1', name: 'get_weather', arguments: '{}' }] },
        { role: 'tool', toolCallId: 'c1', content: 'rain' },
      ],
      tools: [{ name: 'get_weather', parameters: { type: 'object' } }],
      toolChoice: { type: 'none' },
    });
    expect(body.toolConfig).toBeUndefined();
    expect(JSON.stringify(body.messages)).not.toContain('toolUse');
  });

  it('refuses a conversation left without content', () => {
    expect(() =>
      buildAwsBedrockRequest({ ...base, messages: [{ role: 'system', content: 'Only a system prompt' }] }),
    ).toThrow(new InvalidArgumentError('messages', 'must hold a user or assistant message with content'));
  });
});

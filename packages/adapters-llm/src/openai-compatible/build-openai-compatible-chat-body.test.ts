import type { ChatRequest } from '@integration-api/core';
import { buildOpenAICompatibleChatBody } from './build-openai-compatible-chat-body.js';
import { openAIDialect, type OpenAICompatibleDialect } from './openai-compatible-dialect.js';

const openai = openAIDialect('openai', ['x-request-id']);
const mistralLike: OpenAICompatibleDialect = {
  ...openai,
  provider: 'mistral',
  maxTokensField: 'max_tokens',
  seedField: 'random_seed',
  requiredToolChoice: 'any',
  streamUsageOption: false,
  reasoningEffort: () => 'high',
};

const base: ChatRequest = { model: 'gpt-4.1', messages: [{ role: 'user', content: 'Hi' }] };

describe('buildOpenAICompatibleChatBody', () => {
  it('sends only the model and messages when nothing else is set', () => {
    expect(buildOpenAICompatibleChatBody(base, openai, { stream: false, model: 'gpt-4.1' })).toEqual({
      model: 'gpt-4.1',
      messages: [{ role: 'user', content: 'Hi' }],
    });
  });

  it('sends every sampling parameter in OpenAI spelling', () => {
    const body = buildOpenAICompatibleChatBody(
      {
        ...base,
        temperature: 0.2,
        topP: 0.9,
        maxOutputTokens: 256,
        stop: ['END'],
        seed: 42,
        presencePenalty: 0.5,
        frequencyPenalty: -0.5,
        reasoningEffort: 'low',
        responseFormat: { type: 'json_schema', name: 'answer', schema: { type: 'object' }, strict: true },
      },
      openai,
      { stream: false, model: 'gpt-4.1' },
    );
    expect(body).toEqual({
      model: 'gpt-4.1',
      messages: [{ role: 'user', content: 'Hi' }],
      temperature: 0.2,
      top_p: 0.9,
      max_completion_tokens: 256,
      stop: ['END'],
      seed: 42,
      presence_penalty: 0.5,
      frequency_penalty: -0.5,
      response_format: {
        type: 'json_schema',
        json_schema: { name: 'answer', schema: { type: 'object' }, strict: true },
      },
      reasoning_effort: 'low',
    });
  });

  it("uses the dialect's names for max tokens, seed, required tool choice and reasoning", () => {
    const body = buildOpenAICompatibleChatBody(
      {
        ...base,
        maxOutputTokens: 100,
        seed: 7,
        reasoningEffort: 'medium',
        tools: [{ name: 'f', parameters: { type: 'object' } }],
        toolChoice: { type: 'required' },
      },
      mistralLike,
      { stream: true, model: 'mistral-small-latest' },
    );
    expect(body).toMatchObject({
      max_tokens: 100,
      random_seed: 7,
      tool_choice: 'any',
      reasoning_effort: 'high',
    });
    expect(body).not.toHaveProperty('max_completion_tokens');
    expect(body).not.toHaveProperty('seed');
    expect(body).toMatchObject({ stream: true });
    expect(body).not.toHaveProperty('stream_options');
  });

  it('asks OpenAI for usage at the end of a stream', () => {
    expect(buildOpenAICompatibleChatBody(base, openai, { stream: true, model: 'gpt-4.1' })).toMatchObject({
      stream: true,
      stream_options: { include_usage: true },
    });
  });

  it('sends parallel_tool_calls only with tools', () => {
    const withTools = buildOpenAICompatibleChatBody(
      {
        ...base,
        parallelToolCalls: false,
        tools: [{ name: 'f', parameters: {} }],
        toolChoice: { type: 'auto' },
      },
      openai,
      { stream: false, model: 'gpt-4.1' },
    );
    expect(withTools).toMatchObject({ parallel_tool_calls: false, tool_choice: 'auto' });
    const without = buildOpenAICompatibleChatBody({ ...base, parallelToolCalls: false }, openai, {
      stream: false,
      model: 'gpt-4.1',
    });
    expect(without).not.toHaveProperty('parallel_tool_calls');
  });

  it('maps text and json_object response formats', () => {
    const format = (responseFormat: ChatRequest['responseFormat']) =>
      buildOpenAICompatibleChatBody({ ...base, responseFormat }, openai, { stream: false, model: 'm' })
        .response_format;
    expect(format({ type: 'text' })).toEqual({ type: 'text' });
    expect(format({ type: 'json_object' })).toEqual({ type: 'json_object' });
  });

  it('merges providerOptions last, over our own fields', () => {
    const body = buildOpenAICompatibleChatBody(
      {
        ...base,
        temperature: 0.2,
        providerOptions: { temperature: 1, service_tier: 'flex', safe_prompt: true },
      },
      openai,
      { stream: false, model: 'gpt-4.1' },
    );
    expect(body).toMatchObject({ temperature: 1, service_tier: 'flex', safe_prompt: true });
  });

  it('names the model it is given, e.g. an Azure deployment', () => {
    expect(buildOpenAICompatibleChatBody(base, openai, { stream: false, model: 'my-deployment' }).model).toBe(
      'my-deployment',
    );
  });
});

import type { ChatRequest } from '@integration-api/core';
import { buildCohereChatRequest } from './build-cohere-chat-request.js';

const base: ChatRequest = {
  model: 'command-a-03-2025',
  messages: [{ role: 'user', content: 'Name a prime above 10.' }],
};

describe('buildCohereChatRequest', () => {
  it('sends only the model and messages for a bare request', () => {
    expect(buildCohereChatRequest(base, { stream: false })).toEqual({
      model: 'command-a-03-2025',
      messages: [{ role: 'user', content: 'Name a prime above 10.' }],
    });
  });

  it("maps every parameter to Cohere's name for it", () => {
    expect(
      buildCohereChatRequest(
        {
          ...base,
          temperature: 0.3,
          topP: 0.9,
          maxOutputTokens: 256,
          stop: ['\n\n'],
          seed: 7,
          frequencyPenalty: 0.1,
          presencePenalty: 0.2,
          parallelToolCalls: false,
        },
        { stream: false },
      ),
    ).toEqual({
      model: 'command-a-03-2025',
      messages: [{ role: 'user', content: 'Name a prime above 10.' }],
      temperature: 0.3,
      p: 0.9,
      max_tokens: 256,
      stop_sequences: ['\n\n'],
      seed: 7,
      frequency_penalty: 0.1,
      presence_penalty: 0.2,
    });
  });

  it('asks for a stream only when streaming', () => {
    expect(buildCohereChatRequest(base, { stream: true }).stream).toBe(true);
    expect(
      buildCohereChatRequest({ ...base, providerOptions: { stream: true } }, { stream: false }),
    ).not.toHaveProperty('stream');
  });

  it('passes tools and tool choice through prepareCohereTools', () => {
    const body = buildCohereChatRequest(
      {
        ...base,
        tools: [{ name: 'isPrime', parameters: { type: 'object', properties: { n: { type: 'integer' } } } }],
        toolChoice: { type: 'required' },
      },
      { stream: false },
    );
    expect(body.tools).toEqual([
      {
        type: 'function',
        function: { name: 'isPrime', parameters: { type: 'object', properties: { n: { type: 'integer' } } } },
      },
    ]);
    expect(body.tool_choice).toBe('REQUIRED');
  });

  it('maps JSON output, with or without a schema, to json_object', () => {
    const schema = { type: 'object', properties: { prime: { type: 'integer' } }, required: ['prime'] };
    expect(
      buildCohereChatRequest({ ...base, responseFormat: { type: 'json_object' } }, { stream: false })
        .response_format,
    ).toEqual({ type: 'json_object' });
    expect(
      buildCohereChatRequest(
        { ...base, responseFormat: { type: 'json_schema', name: 'answer', schema } },
        { stream: false },
      ).response_format,
    ).toEqual({ type: 'json_object', json_schema: schema });
    expect(
      buildCohereChatRequest({ ...base, responseFormat: { type: 'text' } }, { stream: false }),
    ).not.toHaveProperty('response_format');
  });

  it('turns a reasoning budget into a thinking budget, and an effort into thinking on', () => {
    expect(
      buildCohereChatRequest({ ...base, reasoningBudgetTokens: 2048 }, { stream: false }).thinking,
    ).toEqual({
      type: 'enabled',
      token_budget: 2048,
    });
    expect(buildCohereChatRequest({ ...base, reasoningEffort: 'high' }, { stream: false }).thinking).toEqual({
      type: 'enabled',
    });
  });

  it('merges providerOptions last', () => {
    const body = buildCohereChatRequest(
      {
        ...base,
        temperature: 0.3,
        providerOptions: { temperature: 0, safety_mode: 'STRICT', thinking: { type: 'disabled' } },
      },
      { stream: false },
    );
    expect(body).toMatchObject({ temperature: 0, safety_mode: 'STRICT', thinking: { type: 'disabled' } });
  });
});

import type { ChatCompletionBody } from './openai-schemas.js';
import { imagePart, toChatRequest } from './convert-chat-request.js';

const hi = [{ role: 'user', content: 'Hi' }];

function convert(fields: Record<string, unknown>) {
  return toChatRequest({ model: 'main/m', messages: hi, ...fields } as ChatCompletionBody, 'm');
}

function fieldOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return (error as { details?: { field?: string } }).details?.field;
  }
  throw new Error('expected a refusal');
}

describe('toChatRequest', () => {
  it('turns system and developer messages, text parts included, into system messages', () => {
    const request = convert({
      messages: [
        { role: 'system', content: 'one' },
        {
          role: 'developer',
          content: [
            { type: 'text', text: 'two' },
            { type: 'text', text: 'three' },
          ],
        },
      ],
    });
    expect(request.messages).toEqual([
      { role: 'system', content: 'one' },
      { role: 'system', content: 'two\nthree' },
    ]);
  });

  it('keeps user parts, inline data URLs as base64 and other URLs as they are', () => {
    const request = convert({
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Compare' },
            { type: 'image_url', image_url: { url: 'data:image/jpeg;base64,AAAA', detail: 'high' } },
            { type: 'image_url', image_url: { url: 'https://example.com/cat.png' } },
          ],
        },
      ],
    });
    expect(request.messages[0]).toEqual({
      role: 'user',
      content: [
        { type: 'text', text: 'Compare' },
        { type: 'image', mediaType: 'image/jpeg', data: 'AAAA' },
        { type: 'image', url: 'https://example.com/cat.png' },
      ],
    });
  });

  it('passes a data URL that is not base64 as a URL', () => {
    expect(imagePart('data:image/svg+xml,<svg/>')).toEqual({
      type: 'image',
      url: 'data:image/svg+xml,<svg/>',
    });
  });

  it('maps assistant tool calls and names tool results after the call they answer', () => {
    const request = convert({
      messages: [
        ...hi,
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            { id: 'c1', type: 'function', function: { name: 'weather', arguments: '{"city":"Rome"}' } },
          ],
        },
        { role: 'tool', tool_call_id: 'c1', content: 'sunny' },
        { role: 'tool', tool_call_id: 'unknown', content: 'rain' },
      ],
    });
    expect(request.messages.slice(1)).toEqual([
      { role: 'assistant', toolCalls: [{ id: 'c1', name: 'weather', arguments: '{"city":"Rome"}' }] },
      { role: 'tool', toolCallId: 'c1', name: 'weather', content: 'sunny' },
      { role: 'tool', toolCallId: 'unknown', content: 'rain' },
    ]);
  });

  it('sends reasoning it returned earlier back with the assistant message', () => {
    const request = convert({
      messages: [...hi, { role: 'assistant', content: 'Hello', reasoning_content: 'they greeted me' }, ...hi],
    });
    expect(request.messages[1]).toEqual({
      role: 'assistant',
      content: 'Hello',
      reasoning: 'they greeted me',
    });
  });

  it('maps the parameters, ignoring nulls and fields it cannot honour', () => {
    const request = convert({
      temperature: 0.5,
      top_p: 0.9,
      max_tokens: 100,
      stop: ['a', 'b'],
      seed: 3,
      presence_penalty: 0.1,
      frequency_penalty: -0.1,
      parallel_tool_calls: false,
      reasoning_effort: 'high',
      provider_options: { top_k: 5 },
      n: 1,
      user: 'u',
      logprobs: true,
      logit_bias: { 1: 2 },
      store: false,
      stream_options: null,
      response_format: null,
      tool_choice: null,
    });
    expect(request).toEqual({
      model: 'm',
      messages: [{ role: 'user', content: 'Hi' }],
      temperature: 0.5,
      topP: 0.9,
      maxOutputTokens: 100,
      stop: ['a', 'b'],
      seed: 3,
      presencePenalty: 0.1,
      frequencyPenalty: -0.1,
      parallelToolCalls: false,
      reasoningEffort: 'high',
      providerOptions: { top_k: 5 },
    });
  });

  it('prefers max_completion_tokens to max_tokens and takes stop as one string', () => {
    expect(convert({ max_tokens: 10, max_completion_tokens: 20, stop: 'END' })).toMatchObject({
      maxOutputTokens: 20,
      stop: ['END'],
    });
  });

  it('maps tools, defaulting absent parameters, and every tool choice', () => {
    const tools = [{ type: 'function', function: { name: 'now', strict: true } }];
    expect(convert({ tools }).tools).toEqual([
      { name: 'now', parameters: { type: 'object', properties: {} }, strict: true },
    ]);
    expect(convert({ tools, tool_choice: 'required' }).toolChoice).toEqual({ type: 'required' });
    expect(convert({ tools, tool_choice: 'none' }).toolChoice).toEqual({ type: 'none' });
    expect(
      convert({ tools, tool_choice: { type: 'function', function: { name: 'now' } } }).toolChoice,
    ).toEqual({
      type: 'tool',
      name: 'now',
    });
  });

  it('maps the response formats', () => {
    expect(convert({ response_format: { type: 'text' } }).responseFormat).toEqual({ type: 'text' });
    const schema = { type: 'object', properties: { a: { type: 'string' } } };
    expect(
      convert({
        response_format: { type: 'json_schema', json_schema: { name: 'answer', schema, strict: true } },
      }).responseFormat,
    ).toEqual({ type: 'json_schema', name: 'answer', schema, strict: true });
  });

  it.each([
    [{ n: 3 }, 'n'],
    [{ functions: [{ name: 'f' }] }, 'functions'],
    [{ max_completion_tokens: 0 }, 'max_completion_tokens'],
    [{ reasoning_effort: 'extreme' }, 'reasoning_effort'],
    [{ tool_choice: 'sometimes' }, 'tool_choice'],
    [{ tools: [{ type: 'custom', custom: { name: 'x' } }] }, 'tools[0].type'],
    [{ response_format: { type: 'json_schema' } }, 'response_format.json_schema'],
    [{ response_format: { type: 'yaml' } }, 'response_format.type'],
    [{ messages: [{ role: 'function', name: 'f', content: 'x' }] }, 'messages[0].role'],
    [{ messages: [{ role: 'user', content: [] }] }, 'messages[0].content'],
    [
      { messages: [{ role: 'user', content: [{ type: 'input_audio', input_audio: {} }] }] },
      'messages[0].content[0].type',
    ],
    [
      { messages: [{ role: 'user', content: [{ type: 'image_url', image_url: {} }] }] },
      'messages[0].content[0].image_url.url',
    ],
    [{ messages: [{ role: 'system', content: [{ type: 'image_url' }] }] }, 'messages[0].content[0]'],
    [
      { messages: [{ role: 'assistant', tool_calls: [{ id: 'c', function: {} }] }] },
      'messages[0].tool_calls[0].function.name',
    ],
  ])('refuses %j naming %s', (fields, field) => {
    expect(fieldOf(() => convert(fields))).toBe(field);
  });
});

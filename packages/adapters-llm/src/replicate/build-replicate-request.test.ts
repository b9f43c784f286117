import { InvalidArgumentError, type ChatRequest } from '@integration-api/core';
import { buildReplicateInput, buildReplicateRequest } from './build-replicate-request.js';

const VERSION = '5c7d5dc6dd8bf75c1acaa8565735e7986bc5b66206b55cca93cb72c9bf15ccaa';
const base: ChatRequest = {
  model: 'meta/meta-llama-3-8b-instruct',
  messages: [
    { role: 'system', content: 'You are terse.' },
    { role: 'user', content: 'Say hello.' },
  ],
};

describe('buildReplicateRequest', () => {
  it('creates an official model prediction under /models/{owner}/{name}', () => {
    expect(buildReplicateRequest(base, { stream: false })).toEqual({
      path: 'models/meta/meta-llama-3-8b-instruct/predictions',
      body: { input: { prompt: 'Say hello.', system_prompt: 'You are terse.' } },
    });
  });

  it('creates a pinned version prediction under /predictions with its version id', () => {
    const request = { ...base, model: `meta/meta-llama-3-8b-instruct:${VERSION}` };
    expect(buildReplicateRequest(request, { stream: true })).toEqual({
      path: 'predictions',
      body: {
        version: VERSION,
        input: { prompt: 'Say hello.', system_prompt: 'You are terse.' },
        stream: true,
      },
    });
  });
});

describe('buildReplicateInput', () => {
  it('maps every parameter to the input the chat models take', () => {
    expect(
      buildReplicateInput({
        ...base,
        maxOutputTokens: 64,
        temperature: 0.5,
        topP: 0.9,
        stop: ['\nUser:', 'END'],
        seed: 42,
        presencePenalty: 0.1,
        frequencyPenalty: 0.2,
        reasoningEffort: 'high',
        parallelToolCalls: false,
        responseFormat: { type: 'text' },
      }),
    ).toEqual({
      prompt: 'Say hello.',
      system_prompt: 'You are terse.',
      max_tokens: 64,
      temperature: 0.5,
      top_p: 0.9,
      stop_sequences: '\nUser:,END',
      seed: 42,
      presence_penalty: 0.1,
      frequency_penalty: 0.2,
    });
  });

  it('merges providerOptions last, so they rename or override any input', () => {
    expect(
      buildReplicateInput({
        ...base,
        maxOutputTokens: 64,
        temperature: 0.5,
        providerOptions: { max_new_tokens: 64, temperature: 0.1, prompt_template: '{prompt}' },
      }),
    ).toEqual({
      prompt: 'Say hello.',
      system_prompt: 'You are terse.',
      max_tokens: 64,
      max_new_tokens: 64,
      temperature: 0.1,
      prompt_template: '{prompt}',
    });
  });

  it('refuses tools and JSON output, which these models cannot honour', () => {
    expect(() =>
      buildReplicateInput({ ...base, tools: [{ name: 'f', parameters: { type: 'object' } }] }),
    ).toThrow(InvalidArgumentError);
    expect(() => buildReplicateInput({ ...base, responseFormat: { type: 'json_object' } })).toThrow(
      InvalidArgumentError,
    );
  });
});

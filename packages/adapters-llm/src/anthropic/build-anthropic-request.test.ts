import type { ChatRequest } from '@integration-api/core';
import { ANTHROPIC_DEFAULT_MAX_TOKENS, buildAnthropicRequest } from './build-anthropic-request.js';

const base: ChatRequest = {
  model: 'claude-sonnet-4-5',
  messages: [
    { role: 'system', content: 'Be terse.' },
    { role: 'user', content: 'Name a prime.' },
  ],
};

describe('buildAnthropicRequest', () => {
  it('builds a minimal body with the system prompt on top and a default max_tokens', () => {
    expect(buildAnthropicRequest(base)).toEqual({
      model: 'claude-sonnet-4-5',
      system: 'Be terse.',
      messages: [{ role: 'user', content: [{ type: 'text', text: 'Name a prime.' }] }],
      max_tokens: ANTHROPIC_DEFAULT_MAX_TOKENS,
    });
  });

  it('maps the sampling parameters', () => {
    const body = buildAnthropicRequest({
      ...base,
      temperature: 0.3,
      topP: 0.9,
      maxOutputTokens: 300,
      stop: ['END', '\n\nHuman:'],
    });
    expect(body).toMatchObject({
      temperature: 0.3,
      top_p: 0.9,
      max_tokens: 300,
      stop_sequences: ['END', '\n\nHuman:'],
    });
  });

  it('leaves out parameters Anthropic does not have', () => {
    const body = buildAnthropicRequest({ ...base, seed: 7, presencePenalty: 0.5, frequencyPenalty: 0.1 });
    expect(Object.keys(body).sort()).toEqual(['max_tokens', 'messages', 'model', 'system']);
  });

  it('refuses a temperature above Anthropic’s range', () => {
    expect(() => buildAnthropicRequest({ ...base, temperature: 1.5 })).toThrow(
      expect.objectContaining({ details: { field: 'temperature' } }),
    );
  });

  it('adds tools and the tool choice', () => {
    const body = buildAnthropicRequest({
      ...base,
      tools: [{ name: 'primes', parameters: { type: 'object' } }],
      toolChoice: { type: 'required' },
      parallelToolCalls: false,
    });
    expect(body).toMatchObject({
      tools: [{ name: 'primes', input_schema: { type: 'object' } }],
      tool_choice: { type: 'any', disable_parallel_tool_use: true },
    });
  });

  describe('extended thinking', () => {
    it('turns on thinking with the requested budget and room for the answer above it', () => {
      expect(buildAnthropicRequest({ ...base, reasoningBudgetTokens: 3000 })).toMatchObject({
        thinking: { type: 'enabled', budget_tokens: 3000 },
        max_tokens: 3000 + ANTHROPIC_DEFAULT_MAX_TOKENS,
      });
    });

    it('keeps a requested max_tokens above the budget', () => {
      expect(
        buildAnthropicRequest({ ...base, reasoningBudgetTokens: 2048, maxOutputTokens: 8000 }),
      ).toMatchObject({
        thinking: { type: 'enabled', budget_tokens: 2048 },
        max_tokens: 8000,
      });
    });

    it.each([
      ['minimal', 1024],
      ['low', 4096],
      ['medium', 8192],
      ['high', 16384],
    ] as const)('maps the reasoning effort %s to a budget of %d tokens', (effort, budget) => {
      expect(buildAnthropicRequest({ ...base, reasoningEffort: effort }).thinking).toEqual({
        type: 'enabled',
        budget_tokens: budget,
      });
    });

    it('prefers an explicit budget to the effort', () => {
      expect(
        buildAnthropicRequest({ ...base, reasoningEffort: 'high', reasoningBudgetTokens: 1500 }).thinking,
      ).toEqual({ type: 'enabled', budget_tokens: 1500 });
    });

    it('fits an effort budget to a small maxOutputTokens', () => {
      expect(
        buildAnthropicRequest({ ...base, reasoningEffort: 'high', maxOutputTokens: 5000 }),
      ).toMatchObject({
        thinking: { type: 'enabled', budget_tokens: 2500 },
        max_tokens: 5000,
      });
    });

    it.each([
      [{ reasoningBudgetTokens: 512 }, 'reasoningBudgetTokens'],
      [{ reasoningBudgetTokens: 4000, maxOutputTokens: 4000 }, 'reasoningBudgetTokens'],
      [{ reasoningEffort: 'low', maxOutputTokens: 1500 }, 'maxOutputTokens'],
    ] as const)('refuses a budget Anthropic would refuse: %j', (patch, field) => {
      expect(() => buildAnthropicRequest({ ...base, ...patch })).toThrow(
        expect.objectContaining({ details: { field } }),
      );
    });
  });

  it('asks for structured output for a json_schema response format', () => {
    const schema = {
      type: 'object',
      properties: { n: { type: 'integer' } },
      required: ['n'],
      additionalProperties: false,
    };
    expect(
      buildAnthropicRequest({ ...base, responseFormat: { type: 'json_schema', name: 'prime', schema } })
        .output_config,
    ).toEqual({ format: { type: 'json_schema', schema } });
  });

  it('sends nothing for json_object and text response formats, which have no Anthropic equivalent', () => {
    expect(buildAnthropicRequest({ ...base, responseFormat: { type: 'json_object' } })).not.toHaveProperty(
      'output_config',
    );
    expect(buildAnthropicRequest({ ...base, responseFormat: { type: 'text' } })).not.toHaveProperty(
      'output_config',
    );
  });

  it('merges provider options last, over mapped fields', () => {
    const body = buildAnthropicRequest({
      ...base,
      reasoningEffort: 'medium',
      providerOptions: { top_k: 40, thinking: { type: 'adaptive' }, metadata: { user_id: 'u-1' } },
    });
    expect(body).toMatchObject({ top_k: 40, thinking: { type: 'adaptive' }, metadata: { user_id: 'u-1' } });
  });

  it('sets stream from the call mode, whatever the provider options say', () => {
    expect(buildAnthropicRequest(base, { stream: true }).stream).toBe(true);
    expect(buildAnthropicRequest({ ...base, providerOptions: { stream: true } })).not.toHaveProperty(
      'stream',
    );
    expect(
      buildAnthropicRequest({ ...base, providerOptions: { stream: false } }, { stream: true }).stream,
    ).toBe(true);
  });
});

import type { ChatRequest } from '@integration-api/core';
import { buildGoogleRequest, needsReplayedCallSignature } from './build-google-request.js';

const base: ChatRequest = {
  model: 'gemini-2.5-flash',
  messages: [
    { role: 'system', content: 'Be brief.' },
    { role: 'user', content: 'Hi' },
  ],
};

describe('buildGoogleRequest', () => {
  it('sends only contents and the system instruction for a bare request', () => {
    expect(buildGoogleRequest(base)).toEqual({
      contents: [{ role: 'user', parts: [{ text: 'Hi' }] }],
      systemInstruction: { parts: [{ text: 'Be brief.' }] },
    });
  });

  it('maps the sampling parameters to generationConfig', () => {
    const body = buildGoogleRequest({
      ...base,
      temperature: 0.3,
      topP: 0.9,
      maxOutputTokens: 256,
      stop: ['END'],
      seed: 7,
      presencePenalty: 0.1,
      frequencyPenalty: 0.2,
      parallelToolCalls: false,
    });
    expect(body.generationConfig).toEqual({
      temperature: 0.3,
      topP: 0.9,
      maxOutputTokens: 256,
      stopSequences: ['END'],
      seed: 7,
      presencePenalty: 0.1,
      frequencyPenalty: 0.2,
    });
  });

  it('asks for JSON, with a converted schema for json_schema', () => {
    expect(buildGoogleRequest({ ...base, responseFormat: { type: 'json_object' } }).generationConfig).toEqual(
      {
        responseMimeType: 'application/json',
      },
    );
    expect(
      buildGoogleRequest({
        ...base,
        responseFormat: {
          type: 'json_schema',
          name: 'answer',
          schema: {
            type: 'object',
            properties: { answer: { type: 'string' } },
            required: ['answer'],
            additionalProperties: false,
          },
          strict: true,
        },
      }).generationConfig,
    ).toEqual({
      responseMimeType: 'application/json',
      responseSchema: { type: 'object', properties: { answer: { type: 'string' } }, required: ['answer'] },
    });
  });

  it('turns a reasoning budget, or an effort, into a thinking config that returns thoughts', () => {
    expect(buildGoogleRequest({ ...base, reasoningBudgetTokens: 2048 }).generationConfig).toEqual({
      thinkingConfig: { thinkingBudget: 2048, includeThoughts: true },
    });
    expect(buildGoogleRequest({ ...base, reasoningEffort: 'low' }).generationConfig).toEqual({
      thinkingConfig: { thinkingBudget: 1024, includeThoughts: true },
    });
    expect(
      buildGoogleRequest({ ...base, reasoningEffort: 'high', reasoningBudgetTokens: 100 }).generationConfig,
    ).toEqual({ thinkingConfig: { thinkingBudget: 100, includeThoughts: true } });
  });

  it('declares tools and the tool choice', () => {
    const body = buildGoogleRequest({
      ...base,
      tools: [{ name: 'now', parameters: { type: 'object', properties: {} } }],
      toolChoice: { type: 'required' },
    });
    expect(body.tools).toEqual([{ functionDeclarations: [{ name: 'now' }] }]);
    expect(body.toolConfig).toEqual({ functionCallingConfig: { mode: 'ANY' } });
  });

  it('merges provider options last, deeply', () => {
    const body = buildGoogleRequest({
      ...base,
      temperature: 0.5,
      providerOptions: {
        generationConfig: { topK: 20, temperature: 0 },
        safetySettings: [{ category: 'HARM_CATEGORY_HARASSMENT', threshold: 'BLOCK_NONE' }],
      },
    });
    expect(body.generationConfig).toEqual({ temperature: 0, topK: 20 });
    expect(body.safetySettings).toEqual([{ category: 'HARM_CATEGORY_HARASSMENT', threshold: 'BLOCK_NONE' }]);
  });

  it('signs replayed function calls for Gemini 3 models only', () => {
    const messages: ChatRequest['messages'] = [
      { role: 'user', content: 'Go' },
      { role: 'assistant', toolCalls: [{ id: 'c', name: 'now', arguments: '{}' }] },
      { role: 'tool', toolCallId: 'c', content: '12:00' },
    ];
    const signatureOf = (model: string) =>
      buildGoogleRequest({ model, messages }).contents[1]!.parts![0]!.thoughtSignature;
    expect(signatureOf('gemini-3-pro-preview')).toBe('skip_thought_signature_validator');
    expect(signatureOf('gemini-2.5-pro')).toBeUndefined();
  });
});

describe('needsReplayedCallSignature', () => {
  it.each([
    ['gemini-3-flash-preview', true],
    ['gemini-3.1-pro-preview', true],
    ['models/gemini-3-pro-preview', true],
    ['gemini-10-ultra', true],
    ['gemini-2.5-flash', false],
    ['gemini-1.5-pro-002', false],
    ['gemma-3-27b-it', false],
  ])('%s → %s', (model, expected) => {
    expect(needsReplayedCallSignature(model)).toBe(expected);
  });
});

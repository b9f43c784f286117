import type { ChatMessage } from '@integration-api/core';
import { convertToCohereMessages } from './convert-to-cohere-messages.js';

describe('convertToCohereMessages', () => {
  it('keeps a plain conversation as strings', () => {
    expect(
      convertToCohereMessages([
        { role: 'system', content: 'Answer in one word.' },
        { role: 'user', content: 'Largest planet?' },
        { role: 'assistant', content: 'Jupiter.' },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'And the ' },
            { type: 'text', text: 'smallest?' },
          ],
        },
      ]),
    ).toEqual([
      { role: 'system', content: 'Answer in one word.' },
      { role: 'user', content: 'Largest planet?' },
      { role: 'assistant', content: 'Jupiter.' },
      { role: 'user', content: 'And the smallest?' },
    ]);
  });

  it('gathers every system message into one leading system turn', () => {
    expect(
      convertToCohereMessages([
        { role: 'user', content: 'hi' },
        { role: 'system', content: 'Be terse.' },
        { role: 'system', content: 'Use metric units.' },
      ]),
    ).toEqual([
      { role: 'system', content: 'Be terse.\n\nUse metric units.' },
      { role: 'user', content: 'hi' },
    ]);
  });

  it('sends images by URL and inline images as data URLs', () => {
    expect(
      convertToCohereMessages([
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Compare these.' },
            { type: 'image', url: 'https://img.example/a.png' },
            { type: 'image', data: 'iVBORw0KGgo=', mediaType: 'image/png' },
          ],
        },
      ]),
    ).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Compare these.' },
          { type: 'image_url', image_url: { url: 'https://img.example/a.png' } },
          { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } },
        ],
      },
    ]);
  });

  it('replays a tool round trip with the plan, the calls and their results', () => {
    const messages: ChatMessage[] = [
      { role: 'user', content: 'Weather in Lyon and Turin?' },
      {
        role: 'assistant',
        reasoning: 'I will look up both cities.',
        toolCalls: [
          { id: 'getWeather_a1', name: 'getWeather', arguments: '{"city":"Lyon"}' },
          { id: 'getWeather_b2', name: 'getWeather', arguments: '{"city":"Turin"}' },
        ],
      },
      { role: 'tool', toolCallId: 'getWeather_a1', content: '{"celsius":14}' },
      { role: 'tool', toolCallId: 'getWeather_b2', content: '{"celsius":17}' },
    ];
    expect(convertToCohereMessages(messages)).toEqual([
      { role: 'user', content: 'Weather in Lyon and Turin?' },
      {
        role: 'assistant',
        tool_plan: 'I will look up both cities.',
        tool_calls: [
          {
            id: 'getWeather_a1',
            type: 'function',
            function: { name: 'getWeather', arguments: '{"city":"Lyon"}' },
          },
          {
            id: 'getWeather_b2',
            type: 'function',
            function: { name: 'getWeather', arguments: '{"city":"Turin"}' },
          },
        ],
      },
      { role: 'tool', tool_call_id: 'getWeather_a1', content: '{"celsius":14}' },
      { role: 'tool', tool_call_id: 'getWeather_b2', content: '{"celsius":17}' },
    ]);
  });

  it('turns text beside tool calls into the plan and fills empty arguments with an object', () => {
    expect(
      convertToCohereMessages([
        {
          role: 'assistant',
          content: 'Checking the clock.',
          toolCalls: [{ id: 'c1', name: 'now', arguments: '' }],
        },
      ]),
    ).toEqual([
      {
        role: 'assistant',
        tool_plan: 'Checking the clock.',
        tool_calls: [{ id: 'c1', type: 'function', function: { name: 'now', arguments: '{}' } }],
      },
    ]);
  });

  it('sends reasoning back as a thinking part before the text', () => {
    expect(
      convertToCohereMessages([{ role: 'assistant', reasoning: '3 times 4 is 12.', content: '12' }]),
    ).toEqual([
      {
        role: 'assistant',
        content: [
          { type: 'thinking', thinking: '3 times 4 is 12.' },
          { type: 'text', text: '12' },
        ],
      },
    ]);
  });
});

import type { ChatMessage } from '@integration-api/core';
import { convertToOpenAICompatibleMessages } from './convert-to-openai-compatible-messages.js';

const openai = { toolMessageName: false };

describe('convertToOpenAICompatibleMessages', () => {
  it('passes system and plain user text through', () => {
    expect(
      convertToOpenAICompatibleMessages(
        [
          { role: 'system', content: 'Be brief.' },
          { role: 'user', content: 'Hi' },
        ],
        openai,
      ),
    ).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Hi' },
    ]);
  });

  it('sends images as image_url parts, inline data as a data URL', () => {
    const [message] = convertToOpenAICompatibleMessages(
      [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'What is in these?' },
            { type: 'image', url: 'https://example.com/cat.png' },
            { type: 'image', data: 'iVBORw0KGgo=', mediaType: 'image/png' },
          ],
        },
      ],
      openai,
    );
    expect(message).toEqual({
      role: 'user',
      content: [
        { type: 'text', text: 'What is in these?' },
        { type: 'image_url', image_url: { url: 'https://example.com/cat.png' } },
        { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } },
      ],
    });
  });

  it('flattens a lone text part to plain text', () => {
    expect(
      convertToOpenAICompatibleMessages([{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }], openai),
    ).toEqual([{ role: 'user', content: 'Hi' }]);
  });

  it('sends assistant tool calls and the tool results that answer them', () => {
    const messages: ChatMessage[] = [
      {
        role: 'assistant',
        reasoning: 'The user wants weather for two cities.',
        toolCalls: [
          { id: 'call_1', name: 'get_weather', arguments: '{"city":"Paris"}' },
          { id: 'call_2', name: 'get_weather', arguments: '{"city":"Rome"}' },
        ],
      },
      { role: 'tool', toolCallId: 'call_1', name: 'get_weather', content: '{"temp":18}' },
      { role: 'tool', toolCallId: 'call_2', content: '{"temp":24}' },
    ];
    expect(convertToOpenAICompatibleMessages(messages, openai)).toEqual([
      {
        role: 'assistant',
        content: '',
        tool_calls: [
          {
            id: 'call_1',
            type: 'function',
            function: { name: 'get_weather', arguments: '{"city":"Paris"}' },
          },
          { id: 'call_2', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Rome"}' } },
        ],
      },
      { role: 'tool', tool_call_id: 'call_1', content: '{"temp":18}' },
      { role: 'tool', tool_call_id: 'call_2', content: '{"temp":24}' },
    ]);
  });

  it("keeps the tool's name on results when the dialect takes it", () => {
    expect(
      convertToOpenAICompatibleMessages(
        [{ role: 'tool', toolCallId: 'abc123XYZ', name: 'get_weather', content: 'sunny' }],
        { toolMessageName: true },
      ),
    ).toEqual([{ role: 'tool', tool_call_id: 'abc123XYZ', name: 'get_weather', content: 'sunny' }]);
  });

  it('sends assistant text without tool calls as plain content', () => {
    expect(convertToOpenAICompatibleMessages([{ role: 'assistant', content: 'Hello!' }], openai)).toEqual([
      { role: 'assistant', content: 'Hello!' },
    ]);
  });
});

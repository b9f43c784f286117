import type { ChatRequest } from './chat.js';
import { validateChatRequest } from './validate-chat-request.js';

const base: ChatRequest = { model: 'm', messages: [{ role: 'user', content: 'hi' }] };

describe('validateChatRequest', () => {
  it('accepts a full tool round trip', () => {
    expect(() =>
      validateChatRequest({
        ...base,
        messages: [
          { role: 'system', content: 'be brief' },
          {
            role: 'user',
            content: [
              { type: 'text', text: 'weather?' },
              { type: 'image', data: 'iVBO', mediaType: 'image/png' },
            ],
          },
          { role: 'assistant', toolCalls: [{ id: 'c1', name: 'weather', arguments: '{"city":"Oslo"}' }] },
          { role: 'tool', toolCallId: 'c1', content: '{"temp":3}' },
        ],
        tools: [{ name: 'weather', parameters: { type: 'object' } }],
        toolChoice: { type: 'tool', name: 'weather' },
        temperature: 0.2,
        responseFormat: { type: 'json_schema', name: 'w', schema: { type: 'object' } },
      }),
    ).not.toThrow();
  });

  it.each([
    [{ model: '' }, 'model'],
    [{ messages: [{ role: 'tool', toolCallId: '', content: 'x' }] }, 'messages[0].toolCallId'],
    [{ messages: [{ role: 'robot', content: 'x' }] }, 'messages[0].role'],
    [{ messages: [{ role: 'assistant' }] }, 'messages[0].content'],
    [
      { messages: [{ role: 'user', content: [{ type: 'image', url: 'ftp://x' }] }] },
      'messages[0].content[0].url',
    ],
    [{ tools: [{ name: 'bad name', parameters: {} }] }, 'tools[0].name'],
    [{ toolChoice: { type: 'tool', name: 'missing' } }, 'toolChoice.name'],
    [{ temperature: 3 }, 'temperature'],
    [{ maxOutputTokens: 0 }, 'maxOutputTokens'],
    [{ stop: [''] }, 'stop[0]'],
  ])('names the field at fault: %j', (patch, field) => {
    expect(() => validateChatRequest({ ...base, ...patch } as ChatRequest)).toThrow(
      expect.objectContaining({ details: { field } }),
    );
  });
});

import type { ChatMessage } from '@integration-api/core';
import { convertToAnthropicMessages } from './convert-to-anthropic-messages.js';

describe('convertToAnthropicMessages', () => {
  it('moves system messages to the top-level system prompt, joined in order', () => {
    const result = convertToAnthropicMessages([
      { role: 'system', content: 'You answer in French.' },
      { role: 'system', content: 'Keep it short.' },
      { role: 'user', content: 'Hello' },
      { role: 'system', content: 'Never mention prices.' },
    ]);
    expect(result).toEqual({
      system: 'You answer in French.\n\nKeep it short.\n\nNever mention prices.',
      messages: [{ role: 'user', content: [{ type: 'text', text: 'Hello' }] }],
    });
  });

  it('sends no system field when there is no system message', () => {
    expect(convertToAnthropicMessages([{ role: 'user', content: 'Hi' }])).not.toHaveProperty('system');
  });

  it('sends images by URL and inline base64, data: URLs included', () => {
    const { messages } = convertToAnthropicMessages([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Compare these' },
          { type: 'image', url: 'https://images.example/cat.jpg' },
          { type: 'image', data: 'iVBORw0KGgo=', mediaType: 'image/png' },
          { type: 'image', url: 'data:image/webp;base64,UklGRh4AAABXRUJQ' },
        ],
      },
    ]);
    expect(messages[0]!.content).toEqual([
      { type: 'text', text: 'Compare these' },
      { type: 'image', source: { type: 'url', url: 'https://images.example/cat.jpg' } },
      { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBORw0KGgo=' } },
      { type: 'image', source: { type: 'base64', media_type: 'image/webp', data: 'UklGRh4AAABXRUJQ' } },
    ]);
  });

  it.each([
    ['data:image/svg+xml,%3Csvg%3E', 'base64'],
    ['data:text/plain;base64,aGVsbG8=', 'image media type'],
  ])('refuses the data: URL %s, naming the part', (url, reason) => {
    expect(() =>
      convertToAnthropicMessages([
        {
          role: 'user',
          content: [
            { type: 'text', text: 'x' },
            { type: 'image', url },
          ],
        },
      ]),
    ).toThrow(
      expect.objectContaining({
        details: { field: 'messages[0].content[1].url' },
        message: expect.stringContaining(reason),
      }),
    );
  });

  it('turns assistant tool calls into tool_use blocks with parsed input, and results into one user turn', () => {
    const conversation: ChatMessage[] = [
      { role: 'user', content: 'Where are orders 17 and 18?' },
      {
        role: 'assistant',
        content: '',
        toolCalls: [
          { id: 'toolu_a', name: 'lookup_order', arguments: '{"number":"17"}' },
          { id: 'toolu_b', name: 'lookup_order', arguments: '{"number":"18"}' },
          { id: 'toolu_c', name: 'refresh', arguments: '' },
        ],
      },
      { role: 'tool', toolCallId: 'toolu_a', content: 'shipped' },
      { role: 'tool', toolCallId: 'toolu_b', content: 'packing' },
      { role: 'tool', toolCallId: 'toolu_c', content: '' },
    ];
    expect(convertToAnthropicMessages(conversation).messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'Where are orders 17 and 18?' }] },
      {
        role: 'assistant',
        content: [
          { type: 'tool_use', id: 'toolu_a', name: 'lookup_order', input: { number: '17' } },
          { type: 'tool_use', id: 'toolu_b', name: 'lookup_order', input: { number: '18' } },
          { type: 'tool_use', id: 'toolu_c', name: 'refresh', input: {} },
        ],
      },
      {
        role: 'user',
        content: [
          { type: 'tool_result', tool_use_id: 'toolu_a', content: 'shipped' },
          { type: 'tool_result', tool_use_id: 'toolu_b', content: 'packing' },
          { type: 'tool_result', tool_use_id: 'toolu_c' },
        ],
      },
    ]);
  });

  it('merges consecutive turns of one role so user and assistant alternate', () => {
    const { messages } = convertToAnthropicMessages([
      { role: 'user', content: 'First question' },
      { role: 'user', content: [{ type: 'text', text: 'Second question' }] },
      { role: 'assistant', content: 'Part one.' },
      { role: 'assistant', content: 'Part two.' },
    ]);
    expect(messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'First question' },
          { type: 'text', text: 'Second question' },
        ],
      },
      {
        role: 'assistant',
        content: [
          { type: 'text', text: 'Part one.' },
          { type: 'text', text: 'Part two.' },
        ],
      },
    ]);
  });

  it('puts tool results before other user content of the same turn', () => {
    const { messages } = convertToAnthropicMessages([
      { role: 'assistant', toolCalls: [{ id: 'toolu_1', name: 'clock', arguments: '{}' }] },
      { role: 'user', content: 'Also, hurry.' },
      { role: 'tool', toolCallId: 'toolu_1', content: '12:00' },
    ]);
    expect(messages[1]).toEqual({
      role: 'user',
      content: [
        { type: 'tool_result', tool_use_id: 'toolu_1', content: '12:00' },
        { type: 'text', text: 'Also, hurry.' },
      ],
    });
  });

  it('keeps assistant text before its tool calls', () => {
    const { messages } = convertToAnthropicMessages([
      { role: 'user', content: 'Time?' },
      {
        role: 'assistant',
        content: 'Let me check.',
        toolCalls: [{ id: 't1', name: 'clock', arguments: 'null' }],
      },
    ]);
    expect(messages[1]!.content).toEqual([
      { type: 'text', text: 'Let me check.' },
      { type: 'tool_use', id: 't1', name: 'clock', input: {} },
    ]);
  });

  it('does not send assistant reasoning, and drops a turn that had nothing else', () => {
    const { messages } = convertToAnthropicMessages([
      { role: 'user', content: 'Hi' },
      { role: 'assistant', reasoning: 'The user greets me.' },
      { role: 'assistant', content: 'Hello!', reasoning: 'Be friendly.' },
    ]);
    expect(messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'Hi' }] },
      { role: 'assistant', content: [{ type: 'text', text: 'Hello!' }] },
    ]);
  });

  it.each([
    ['{"number":', 'valid JSON'],
    ['[1,2]', 'JSON object'],
    ['"text"', 'JSON object'],
  ])('refuses the tool call arguments %s, naming the field', (args, reason) => {
    expect(() =>
      convertToAnthropicMessages([
        { role: 'user', content: 'go' },
        {
          role: 'assistant',
          toolCalls: [
            { id: 'a', name: 'x', arguments: '{}' },
            { id: 'b', name: 'x', arguments: args },
          ],
        },
      ]),
    ).toThrow(
      expect.objectContaining({
        details: { field: 'messages[1].toolCalls[1].arguments' },
        message: expect.stringContaining(reason),
      }),
    );
  });

  it('refuses a user message with no content, which Anthropic would refuse less clearly', () => {
    expect(() => convertToAnthropicMessages([{ role: 'user', content: '' }])).toThrow(
      expect.objectContaining({ details: { field: 'messages[0].content' } }),
    );
  });
});

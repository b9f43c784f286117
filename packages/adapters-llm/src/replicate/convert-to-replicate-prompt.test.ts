import { InvalidArgumentError } from '@integration-api/core';
import { convertToReplicatePrompt } from './convert-to-replicate-prompt.js';

describe('convertToReplicatePrompt', () => {
  it('sends a single user message as the prompt itself, without a system prompt when there is none', () => {
    expect(convertToReplicatePrompt([{ role: 'user', content: 'Say hello.' }])).toEqual({
      prompt: 'Say hello.',
    });
  });

  it('gathers every system message into system_prompt, wherever it stands', () => {
    expect(
      convertToReplicatePrompt([
        { role: 'system', content: 'You are terse.' },
        { role: 'user', content: 'Say hello.' },
        { role: 'system', content: 'Answer in French.' },
      ]),
    ).toEqual({ prompt: 'Say hello.', system_prompt: 'You are terse.\n\nAnswer in French.' });
  });

  it('writes a conversation as a transcript that ends by handing the turn to the assistant', () => {
    expect(
      convertToReplicatePrompt([
        { role: 'user', content: 'Hi, I am Ada.' },
        { role: 'assistant', content: 'Hello Ada!' },
        { role: 'user', content: 'What is my name?' },
      ]).prompt,
    ).toBe('User: Hi, I am Ada.\n\nAssistant: Hello Ada!\n\nUser: What is my name?\n\nAssistant:');
  });

  it('lets the model continue a conversation that ends on an assistant turn', () => {
    expect(
      convertToReplicatePrompt([
        { role: 'user', content: 'Count to three.' },
        { role: 'assistant', content: 'One, two,' },
      ]).prompt,
    ).toBe('User: Count to three.\n\nAssistant: One, two,');
  });

  it('joins text parts with a line break and leaves out reasoning-only assistant messages', () => {
    expect(
      convertToReplicatePrompt([
        {
          role: 'user',
          content: [
            { type: 'text', text: 'First line.' },
            { type: 'text', text: 'Second line.' },
          ],
        },
        { role: 'assistant', reasoning: 'thinking...' },
      ]),
    ).toEqual({ prompt: 'First line.\nSecond line.' });
  });

  it('refuses images, tool calls and tool results, naming the field', () => {
    const cases = [
      [
        [{ role: 'user', content: [{ type: 'image', url: 'https://x.example/a.png' }] }],
        'messages[0].content[0]',
      ],
      [
        [
          { role: 'user', content: 'Weather?' },
          { role: 'assistant', toolCalls: [{ id: 'c1', name: 'get_weather', arguments: '{}' }] },
        ],
        'messages[1].toolCalls',
      ],
      [[{ role: 'tool', toolCallId: 'c1', content: '{}' }], 'messages[0].role'],
    ] as const;
    for (const [messages, field] of cases) {
      const error = (() => {
        try {
          convertToReplicatePrompt(messages as never);
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect(error).toMatchObject({ details: { field } });
    }
  });

  it('refuses a conversation with nothing but system messages', () => {
    expect(() => convertToReplicatePrompt([{ role: 'system', content: 'Be nice.' }])).toThrow(
      InvalidArgumentError,
    );
  });
});

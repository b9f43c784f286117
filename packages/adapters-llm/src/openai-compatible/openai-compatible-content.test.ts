import { readAssistantText } from './openai-compatible-content.js';

describe('readAssistantText', () => {
  it('reads string content', () => {
    expect(readAssistantText({ role: 'assistant', content: 'Hello' })).toEqual({
      text: 'Hello',
      reasoning: '',
      refusal: '',
    });
  });

  it("reads Mistral's thinking and text blocks", () => {
    expect(
      readAssistantText({
        content: [
          {
            type: 'thinking',
            thinking: [
              { type: 'text', text: 'Two plus two ' },
              { type: 'text', text: 'is four.' },
            ],
          },
          { type: 'text', text: '2 + 2 = 4' },
          { type: 'reference', text: null },
        ],
      }),
    ).toEqual({ text: '2 + 2 = 4', reasoning: 'Two plus two is four.', refusal: '' });
  });

  it('reads reasoning_content, or reasoning', () => {
    expect(readAssistantText({ content: 'Answer', reasoning_content: 'Because.' }).reasoning).toBe(
      'Because.',
    );
    expect(readAssistantText({ content: null, reasoning: 'Hmm.' })).toEqual({
      text: '',
      reasoning: 'Hmm.',
      refusal: '',
    });
  });

  it('shows a refusal as the text', () => {
    expect(readAssistantText({ content: null, refusal: "I can't help with that." })).toEqual({
      text: "I can't help with that.",
      reasoning: '',
      refusal: "I can't help with that.",
    });
  });

  it('reads nothing from nothing', () => {
    expect(readAssistantText(undefined)).toEqual({ text: '', reasoning: '', refusal: '' });
    expect(readAssistantText({ content: null, refusal: null })).toEqual({
      text: '',
      reasoning: '',
      refusal: '',
    });
  });
});

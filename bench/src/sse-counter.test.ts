import { SseCounter } from './sse-counter.js';

const chunk = (content: string) =>
  `data: ${JSON.stringify({ object: 'chat.completion.chunk', choices: [{ delta: { content } }] })}\n\n`;

describe('SseCounter', () => {
  it('counts data events, marks the first non-empty content as the token and [DONE] as the end', () => {
    const counter = new SseCounter();
    expect(counter.push(chunk(''))).toBe(false);
    expect(counter.push(chunk('Hello'))).toBe(true);
    expect(counter.push(`${chunk(' world')}: keep-alive\n\ndata: [DONE]\n\n`)).toBe(false);
    expect(counter).toMatchObject({ chunks: 3, done: true, firstTokenSeen: true });
  });

  it('reassembles lines split across reads', () => {
    const counter = new SseCounter();
    const text = `${chunk('')}${chunk('Hi')}data: [DONE]\n\n`;
    const seen = [...text].map((character) => counter.push(character));
    expect(seen.filter(Boolean)).toHaveLength(1);
    expect(counter).toMatchObject({ chunks: 2, done: true });
  });
});

import type { ChatMessage } from '@integration-api/core';
import { convertToGoogleContents } from './convert-to-google-contents.js';

describe('convertToGoogleContents', () => {
  it('puts leading system messages into systemInstruction', () => {
    expect(
      convertToGoogleContents([
        { role: 'system', content: 'Be brief.' },
        { role: 'system', content: 'Answer in French.' },
        { role: 'user', content: 'Hello' },
      ]),
    ).toEqual({
      systemInstruction: { parts: [{ text: 'Be brief.' }, { text: 'Answer in French.' }] },
      contents: [{ role: 'user', parts: [{ text: 'Hello' }] }],
    });
  });

  it('keeps a later system message at its place, as user text', () => {
    const { contents, systemInstruction } = convertToGoogleContents([
      { role: 'user', content: 'Hi' },
      { role: 'assistant', content: 'Hello!' },
      { role: 'system', content: 'From now on, be formal.' },
      { role: 'user', content: 'How are you?' },
    ]);
    expect(systemInstruction).toBeUndefined();
    expect(contents).toEqual([
      { role: 'user', parts: [{ text: 'Hi' }] },
      { role: 'model', parts: [{ text: 'Hello!' }] },
      { role: 'user', parts: [{ text: 'From now on, be formal.' }, { text: 'How are you?' }] },
    ]);
  });

  it('sends user text and images as parts of one user turn', () => {
    const { contents } = convertToGoogleContents([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'What is this?' },
          { type: 'image', data: 'AAAA', mediaType: 'image/webp' },
          { type: 'image', url: 'gs://bucket/cat.jpg' },
        ],
      },
    ]);
    expect(contents).toEqual([
      {
        role: 'user',
        parts: [
          { text: 'What is this?' },
          { inlineData: { mimeType: 'image/webp', data: 'AAAA' } },
          { fileData: { fileUri: 'gs://bucket/cat.jpg', mimeType: 'image/jpeg' } },
        ],
      },
    ]);
  });

  it('sends assistant tool calls as functionCall parts with parsed arguments, and drops reasoning', () => {
    const { contents } = convertToGoogleContents([
      { role: 'user', content: 'Weather in Paris and Rome?' },
      {
        role: 'assistant',
        content: 'Checking.',
        reasoning: 'Two cities, two calls.',
        toolCalls: [
          { id: 'call_a', name: 'weather', arguments: '{"city":"Paris"}' },
          { id: 'call_b', name: 'weather', arguments: '{"city":"Rome"}' },
          { id: 'call_c', name: 'now', arguments: '' },
        ],
      },
    ]);
    expect(contents[1]).toEqual({
      role: 'model',
      parts: [
        { text: 'Checking.' },
        { functionCall: { name: 'weather', args: { city: 'Paris' } } },
        { functionCall: { name: 'weather', args: { city: 'Rome' } } },
        { functionCall: { name: 'now', args: {} } },
      ],
    });
  });

  it('signs the first replayed call of each model turn when asked, for Gemini 3', () => {
    const { contents } = convertToGoogleContents(
      [
        { role: 'user', content: 'Go' },
        {
          role: 'assistant',
          toolCalls: [
            { id: '1', name: 'a', arguments: '{}' },
            { id: '2', name: 'b', arguments: '{}' },
          ],
        },
      ],
      { replayedCallSignature: 'skip_thought_signature_validator' },
    );
    expect(contents[1]!.parts).toEqual([
      { functionCall: { name: 'a', args: {} }, thoughtSignature: 'skip_thought_signature_validator' },
      { functionCall: { name: 'b', args: {} } },
    ]);
  });

  it('refuses tool call arguments that are not a JSON object, naming the field', () => {
    const messages = (args: string): ChatMessage[] => [
      { role: 'user', content: 'Go' },
      { role: 'assistant', toolCalls: [{ id: '1', name: 'a', arguments: args }] },
    ];
    expect(() => convertToGoogleContents(messages('{"city":'))).toThrow(
      /^messages\[1\]\.toolCalls\[0\]\.arguments: must be JSON text/,
    );
    expect(() => convertToGoogleContents(messages('[1,2]'))).toThrow(
      /^messages\[1\]\.toolCalls\[0\]\.arguments: must be a JSON object/,
    );
    expect(convertToGoogleContents(messages('null')).contents[1]!.parts).toEqual([
      { functionCall: { name: 'a', args: {} } },
    ]);
  });

  it('merges consecutive tool results into one user turn, recovering each function name by call id', () => {
    const { contents } = convertToGoogleContents([
      { role: 'user', content: 'Weather in Paris and Rome?' },
      {
        role: 'assistant',
        toolCalls: [
          { id: 'call_a', name: 'weather', arguments: '{"city":"Paris"}' },
          { id: 'call_b', name: 'forecast', arguments: '{"city":"Rome"}' },
        ],
      },
      { role: 'tool', toolCallId: 'call_a', content: '{"temp":21}' },
      { role: 'tool', toolCallId: 'call_b', content: 'sunny', name: 'forecast' },
      { role: 'user', content: 'Thanks, and tomorrow?' },
    ]);
    expect(contents).toEqual([
      { role: 'user', parts: [{ text: 'Weather in Paris and Rome?' }] },
      {
        role: 'model',
        parts: [
          { functionCall: { name: 'weather', args: { city: 'Paris' } } },
          { functionCall: { name: 'forecast', args: { city: 'Rome' } } },
        ],
      },
      {
        role: 'user',
        parts: [
          { functionResponse: { name: 'weather', response: { output: { temp: 21 } } } },
          { functionResponse: { name: 'forecast', response: { output: 'sunny' } } },
          { text: 'Thanks, and tomorrow?' },
        ],
      },
    ]);
  });

  it('takes the name from the latest earlier call when ids repeat across turns', () => {
    const { contents } = convertToGoogleContents([
      { role: 'user', content: 'Go' },
      { role: 'assistant', toolCalls: [{ id: 'call_0', name: 'first', arguments: '{}' }] },
      { role: 'tool', toolCallId: 'call_0', content: 'one' },
      { role: 'assistant', toolCalls: [{ id: 'call_0', name: 'second', arguments: '{}' }] },
      { role: 'tool', toolCallId: 'call_0', content: 'two' },
    ]);
    expect(contents[4]!.parts![0]!.functionResponse!.name).toBe('second');
  });

  it('refuses a tool result that answers no known call and has no name', () => {
    expect(() =>
      convertToGoogleContents([
        { role: 'user', content: 'Go' },
        { role: 'tool', toolCallId: 'call_x', content: 'orphan' },
      ]),
    ).toThrow(/^messages\[1\]\.toolCallId: matches no earlier assistant tool call/);
  });

  it('skips an assistant message that holds only reasoning', () => {
    const { contents } = convertToGoogleContents([
      { role: 'user', content: 'Hi' },
      { role: 'assistant', reasoning: 'thinking…' },
      { role: 'user', content: 'Still there?' },
    ]);
    expect(contents).toEqual([{ role: 'user', parts: [{ text: 'Hi' }, { text: 'Still there?' }] }]);
  });

  it('refuses a conversation of system messages only', () => {
    expect(() => convertToGoogleContents([{ role: 'system', content: 'Be brief.' }])).toThrow(/^messages:/);
  });
});

import { InvalidArgumentError, type ChatMessage } from '@integration-api/core';
import { convertToAwsBedrockMessages } from './convert-to-aws-bedrock-messages.js';

const PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

describe('convertToAwsBedrockMessages', () => {
  it('moves system messages to the system blocks, wherever they stand', () => {
    const prompt = convertToAwsBedrockMessages([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Hi' },
      { role: 'system', content: 'Answer in French.' },
    ]);
    expect(prompt).toEqual({
      system: [{ text: 'Be brief.' }, { text: 'Answer in French.' }],
      messages: [{ role: 'user', content: [{ text: 'Hi' }] }],
    });
  });

  it('sends images inline from base64 data and from data: URLs', () => {
    const prompt = convertToAwsBedrockMessages([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'What is in these?' },
          { type: 'image', data: PNG_BASE64, mediaType: 'image/png' },
          { type: 'image', url: `data:image/jpeg;base64,${PNG_BASE64}` },
          { type: 'image', url: `data:image/webp;charset=binary;base64,${PNG_BASE64}` },
        ],
      },
    ]);
    expect(prompt.messages[0]!.content).toEqual([
      { text: 'What is in these?' },
      { image: { format: 'png', source: { bytes: PNG_BASE64 } } },
      { image: { format: 'jpeg', source: { bytes: PNG_BASE64 } } },
      { image: { format: 'webp', source: { bytes: PNG_BASE64 } } },
    ]);
  });

  it('refuses an image URL, naming the field', () => {
    const messages: ChatMessage[] = [
      { role: 'user', content: 'first' },
      { role: 'assistant', content: 'ok' },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Look' },
          { type: 'image', url: 'https://example.com/cat.png' },
        ],
      },
    ];
    expect(() => convertToAwsBedrockMessages(messages)).toThrow(
      new InvalidArgumentError(
        'messages[2].content[1].url',
        'Bedrock takes images inline only: send base64 data or a base64 data: URL',
      ),
    );
  });

  it('refuses an image type Bedrock does not read', () => {
    expect(() =>
      convertToAwsBedrockMessages([
        { role: 'user', content: [{ type: 'image', data: PNG_BASE64, mediaType: 'image/tiff' }] },
      ]),
    ).toThrow(
      new InvalidArgumentError(
        'messages[0].content[0].mediaType',
        'must be a PNG, JPEG, GIF or WebP image for Bedrock',
      ),
    );
  });

  it('turns assistant tool calls into toolUse blocks with parsed input and results into toolResult blocks', () => {
    const prompt = convertToAwsBedrockMessages([
      { role: 'user', content: 'Weather in Lisbon and the time?' },
      {
        role: 'assistant',
        content: 'Checking.',
        reasoning: 'The user wants two things.',
        toolCalls: [
          { id: 'tooluse_1', name: 'get_weather', arguments: '{"city":"Lisbon"}' },
          { id: 'tooluse_2', name: 'get_time', arguments: '' },
        ],
      },
      { role: 'tool', toolCallId: 'tooluse_1', content: '{"temperature":21}' },
      { role: 'tool', toolCallId: 'tooluse_2', content: '14:05' },
    ]);
    expect(prompt.messages).toEqual([
      { role: 'user', content: [{ text: 'Weather in Lisbon and the time?' }] },
      {
        role: 'assistant',
        content: [
          { text: 'Checking.' },
          { toolUse: { toolUseId: 'tooluse_1', name: 'get_weather', input: { city: 'Lisbon' } } },
          { toolUse: { toolUseId: 'tooluse_2', name: 'get_time', input: {} } },
        ],
      },
      {
        role: 'user',
        content: [
          { toolResult: { toolUseId: 'tooluse_1', content: [{ text: '{"temperature":21}' }] } },
          { toolResult: { toolUseId: 'tooluse_2', content: [{ text: '14:05' }] } },
        ],
      },
    ]);
  });

  it('merges consecutive messages of one role, tool results first in a user message', () => {
    const prompt = convertToAwsBedrockMessages([
      { role: 'user', content: 'one' },
      { role: 'user', content: 'two' },
      { role: 'assistant', toolCalls: [{ id: 'call_1', name: 'lookup', arguments: '{}' }] },
      { role: 'assistant', content: 'still thinking' },
      { role: 'user', content: 'hurry up' },
      { role: 'tool', toolCallId: 'call_1', content: 'found' },
    ]);
    expect(prompt.messages).toEqual([
      { role: 'user', content: [{ text: 'one' }, { text: 'two' }] },
      {
        role: 'assistant',
        content: [
          { toolUse: { toolUseId: 'call_1', name: 'lookup', input: {} } },
          { text: 'still thinking' },
        ],
      },
      {
        role: 'user',
        content: [
          { toolResult: { toolUseId: 'call_1', content: [{ text: 'found' }] } },
          { text: 'hurry up' },
        ],
      },
    ]);
  });

  it('reduces tool call ids to the characters Bedrock allows, alike in calls and results', () => {
    const prompt = convertToAwsBedrockMessages([
      { role: 'user', content: 'go' },
      { role: 'assistant', toolCalls: [{ id: 'functions.lookup:0', name: 'lookup', arguments: 'null' }] },
      { role: 'tool', toolCallId: 'functions.lookup:0', content: 'ok' },
    ]);
    expect(prompt.messages[1]!.content).toEqual([
      { toolUse: { toolUseId: 'functions_lookup_0', name: 'lookup', input: {} } },
    ]);
    expect(prompt.messages[2]!.content).toEqual([
      { toolResult: { toolUseId: 'functions_lookup_0', content: [{ text: 'ok' }] } },
    ]);
  });

  it('writes tool calls and results as text when the request sends no tools', () => {
    const prompt = convertToAwsBedrockMessages(
      [
        { role: 'user', content: 'Weather?' },
        {
          role: 'assistant',
          toolCalls: [{ id: 'call_1', name: 'get_weather', arguments: '{"city":"Oslo"}' }],
        },
        { role: 'tool', toolCallId: 'call_1', content: 'rain' },
        { role: 'user', content: 'Summarise without tools.' },
      ],
      { toolBlocks: 'text' },
    );
    expect(prompt.messages).toEqual([
      { role: 'user', content: [{ text: 'Weather?' }] },
      {
        role: 'assistant',
        content: [{ text: '[Called the tool get_weather (call call_1) with the arguments {"city":"Oslo"}]' }],
      },
      {
        role: 'user',
        content: [
          { text: '[Result of the tool call call_1 to get_weather]\nrain' },
          { text: 'Summarise without tools.' },
        ],
      },
    ]);
  });

  it.each([
    ['{"city":', 'must be valid JSON for Bedrock'],
    ['[1,2]', 'must be a JSON object for Bedrock'],
    ['"text"', 'must be a JSON object for Bedrock'],
  ])('refuses tool call arguments %j', (args, reason) => {
    expect(() =>
      convertToAwsBedrockMessages([
        { role: 'user', content: 'go' },
        { role: 'assistant', toolCalls: [{ id: 'c', name: 't', arguments: args }] },
      ]),
    ).toThrow(new InvalidArgumentError('messages[1].toolCalls[0].arguments', reason));
  });

  it('leaves out blank text and messages left empty, and reasoning it cannot sign', () => {
    const prompt = convertToAwsBedrockMessages([
      { role: 'system', content: '  ' },
      {
        role: 'user',
        content: [
          { type: 'text', text: '' },
          { type: 'text', text: 'Hi' },
        ],
      },
      { role: 'assistant', reasoning: 'hmm' },
      { role: 'user', content: '   ' },
    ]);
    expect(prompt).toEqual({ system: [], messages: [{ role: 'user', content: [{ text: 'Hi' }] }] });
  });

  it('trims trailing white space from a final assistant prefill only', () => {
    const prompt = convertToAwsBedrockMessages([
      { role: 'assistant', content: 'Earlier answer.  ' },
      { role: 'user', content: 'Go on ' },
      { role: 'assistant', content: 'The answer is ' },
    ]);
    expect(prompt.messages.map((m) => m.content)).toEqual([
      [{ text: 'Earlier answer.  ' }],
      [{ text: 'Go on ' }],
      [{ text: 'The answer is' }],
    ]);
  });
});

import { openAiParam } from './openai-param.js';

describe('openAiParam', () => {
  it.each([
    ['maxOutputTokens', 'max_completion_tokens'],
    ['topP', 'top_p'],
    ['messages[2].toolCallId', 'messages[2].tool_call_id'],
    ['messages[1].toolCalls[0].arguments', 'messages[1].tool_calls[0].function.arguments'],
    ['messages[0].content[3].url', 'messages[0].content[3].image_url.url'],
    ['tools[1].name', 'tools[1].function.name'],
    ['toolChoice.name', 'tool_choice.function.name'],
    ['responseFormat.schema', 'response_format.json_schema.schema'],
    ['inputs[4]', 'input[4]'],
    ['topN', 'top_n'],
  ])('renames core field %s to OpenAI param %s', (field, param) => {
    expect(openAiParam(field)).toBe(param);
  });

  it('writes indexes of schema paths in brackets', () => {
    expect(openAiParam('messages.0.role')).toBe('messages[0].role');
    expect(openAiParam('stop.1')).toBe('stop[1]');
  });

  it('leaves names already in OpenAI form alone', () => {
    for (const param of [
      'model',
      'max_tokens',
      'tools[0].function.name',
      'messages[0].content[1].image_url.url',
    ]) {
      expect(openAiParam(param)).toBe(param);
    }
  });
});

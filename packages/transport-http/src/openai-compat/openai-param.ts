/**
 * Core names a field after its own request (`maxOutputTokens`, `messages[2].toolCallId`); the
 * OpenAI client sent it under OpenAI's name. The mappers keep message, tool and input indexes
 * one to one, so renaming the path is enough. Names already in OpenAI's form pass unchanged.
 */
const RENAMES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^messages\[(\d+)\]\.toolCalls\[(\d+)\]\.(name|arguments)$/, 'messages[$1].tool_calls[$2].function.$3'],
  [/^messages\[(\d+)\]\.toolCalls/, 'messages[$1].tool_calls'],
  [/^messages\[(\d+)\]\.toolCallId$/, 'messages[$1].tool_call_id'],
  [/^messages\[(\d+)\]\.content\[(\d+)\]\.(url|data|mediaType)$/, 'messages[$1].content[$2].image_url.url'],
  [/^tools\[(\d+)\]\.(name|description|parameters|strict)$/, 'tools[$1].function.$2'],
  [/^toolChoice\.name$/, 'tool_choice.function.name'],
  [/^toolChoice$/, 'tool_choice'],
  [/^topP$/, 'top_p'],
  [/^presencePenalty$/, 'presence_penalty'],
  [/^frequencyPenalty$/, 'frequency_penalty'],
  [/^maxOutputTokens$/, 'max_completion_tokens'],
  [/^responseFormat\.(name|schema|strict|description)$/, 'response_format.json_schema.$1'],
  [/^responseFormat/, 'response_format'],
  [/^reasoningEffort$/, 'reasoning_effort'],
  [/^parallelToolCalls$/, 'parallel_tool_calls'],
  [/^providerOptions/, 'provider_options'],
  [/^inputs/, 'input'],
  [/^inputType$/, 'input_type'],
  [/^topN$/, 'top_n'],
];

export function openAiParam(field: string): string {
  const bracketed = field.replace(/\.(\d+)(?=\.|$)/g, '[$1]');
  for (const [pattern, replacement] of RENAMES) {
    if (pattern.test(bracketed)) return bracketed.replace(pattern, replacement);
  }
  return bracketed;
}

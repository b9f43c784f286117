import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ChatStreamAccumulator, ProviderError, type ChatStreamEvent } from '@integration-api/core';
import { parseServerSentEvents } from '../http/sse-reader.js';
import {
  OpenAICompatibleStreamDecoder,
  type StreamDecoderOptions,
} from './openai-compatible-stream-decoder.js';

const readFixture = (name: string) => readFileSync(join(__dirname, '__fixtures__', name), 'utf8');

async function* once(text: string): AsyncGenerator<string> {
  yield text;
}

/** Replays a recorded-shape SSE stream through the decoder, as the adapter does. */
async function decode(name: string, options: Partial<StreamDecoderOptions> = {}): Promise<ChatStreamEvent[]> {
  const decoder = new OpenAICompatibleStreamDecoder({ provider: 'openai', secrets: [], ...options });
  const events: ChatStreamEvent[] = [];
  for await (const { data } of parseServerSentEvents(once(readFixture(name)))) {
    if (data === '[DONE]') {
      events.push(...decoder.end());
      break;
    }
    events.push(...decoder.push(JSON.parse(data)));
  }
  return events;
}

function accumulate(events: readonly ChatStreamEvent[]) {
  const accumulator = new ChatStreamAccumulator();
  events.forEach((event) => accumulator.add(event));
  return accumulator.result();
}

const decoderFor = () => new OpenAICompatibleStreamDecoder({ provider: 'openai', secrets: [] });
const chunk = (delta: object, finish_reason: string | null = null) => ({
  id: 'chatcmpl-1',
  model: 'm',
  choices: [{ index: 0, delta, finish_reason }],
});

describe('OpenAICompatibleStreamDecoder', () => {
  it('streams OpenAI text, then usage from the usage-only last chunk, then one finish', async () => {
    expect(await decode('openai-text.sse')).toEqual([
      { type: 'text-delta', delta: 'Lantern' },
      { type: 'text-delta', delta: ' Night' },
      { type: 'text-delta', delta: ' — a festival of lights.' },
      {
        type: 'usage',
        usage: {
          inputTokens: 21,
          outputTokens: 9,
          totalTokens: 30,
          cachedInputTokens: 0,
          reasoningTokens: 0,
        },
      },
      {
        type: 'finish',
        finishReason: 'stop',
        rawFinishReason: 'stop',
        model: 'gpt-4.1-nano-2025-04-14',
        providerRequestId: 'chatcmpl-Fx1',
      },
    ]);
  });

  it('streams parallel tool calls whose argument fragments interleave by index', async () => {
    const events = await decode('openai-parallel-tool-calls.sse');
    expect(events.filter((e) => e.type.startsWith('tool-call'))).toEqual([
      { type: 'tool-call-start', index: 0, id: 'call_paris01', name: 'get_weather' },
      { type: 'tool-call-delta', index: 0, argumentsDelta: '{"ci' },
      { type: 'tool-call-start', index: 1, id: 'call_rome02', name: 'get_weather' },
      { type: 'tool-call-delta', index: 1, argumentsDelta: '{"city":' },
      { type: 'tool-call-delta', index: 0, argumentsDelta: 'ty":"Paris"}' },
      { type: 'tool-call-delta', index: 1, argumentsDelta: '"Rome"}' },
      { type: 'tool-call-end', index: 0 },
      { type: 'tool-call-end', index: 1 },
    ]);
    const result = accumulate(events);
    expect(result.message.toolCalls).toEqual([
      { id: 'call_paris01', name: 'get_weather', arguments: '{"city":"Paris"}' },
      { id: 'call_rome02', name: 'get_weather', arguments: '{"city":"Rome"}' },
    ]);
    expect(result).toMatchObject({
      finishReason: 'tool_calls',
      usage: { inputTokens: 88, outputTokens: 46, cachedInputTokens: 64 },
    });
    expect(events.at(-1)?.type).toBe('finish');
  });

  it("ignores Azure's first chunk without id, model or choices, and reads the routed model", async () => {
    const events = await decode('azure-model-router.sse', { provider: 'azure-openai', requestId: 'apim-42' });
    expect(events[0]).toEqual({ type: 'text-delta', delta: 'Oslo,' });
    expect(accumulate(events)).toEqual({
      message: { text: 'Oslo, southern Norway.', toolCalls: [] },
      finishReason: 'stop',
      rawFinishReason: 'stop',
      usage: {
        inputTokens: 14,
        outputTokens: 70,
        totalTokens: 84,
        cachedInputTokens: 0,
        reasoningTokens: 64,
      },
      model: 'gpt-5-nano-2025-08-07',
      providerRequestId: 'apim-42',
    });
  });

  it("reads Mistral's whole tool calls without an index, finished in the same chunk as its usage", async () => {
    const events = await decode('mistral-tool-call.sse', { provider: 'mistral' });
    expect(events).toEqual([
      { type: 'tool-call-start', index: 0, id: 'Wq3Zr7TbN', name: 'get_weather' },
      { type: 'tool-call-delta', index: 0, argumentsDelta: '{"city": "Lyon"}' },
      { type: 'tool-call-start', index: 1, id: 'Kp2Xy9LmA', name: 'get_time' },
      { type: 'tool-call-delta', index: 1, argumentsDelta: '{"zone": "Europe/Paris"}' },
      { type: 'tool-call-end', index: 0 },
      { type: 'tool-call-end', index: 1 },
      { type: 'usage', usage: { inputTokens: 131, outputTokens: 39, totalTokens: 170 } },
      {
        type: 'finish',
        finishReason: 'tool_calls',
        rawFinishReason: 'tool_calls',
        model: 'mistral-small-latest',
        providerRequestId: '7a1c0e5d9b2f4e83a6d1c2b3a4f5e6d7',
      },
    ]);
  });

  it("continues Mistral's incremental tool call whose later fragment has no id and an empty name", async () => {
    const result = accumulate(await decode('mistral-incremental-tool-call.sse', { provider: 'mistral' }));
    expect(result.message.toolCalls).toEqual([
      { id: 'chatcmpl-tool-1a2b3c4d5e6f7a8b', name: 'search_docs', arguments: '{"query": "sse keep-alive"}' },
    ]);
    expect(result.usage).toEqual({
      inputTokens: 190,
      outputTokens: 17,
      totalTokens: 207,
      cachedInputTokens: 128,
    });
  });

  it("streams Mistral's thinking blocks as reasoning", async () => {
    const events = await decode('mistral-reasoning.sse', { provider: 'mistral' });
    expect(events.slice(0, 3)).toEqual([
      { type: 'reasoning-delta', delta: 'Three times three' },
      { type: 'reasoning-delta', delta: ' is nine.' },
      { type: 'text-delta', delta: '3 × 3 = 9' },
    ]);
    expect(accumulate(events).message).toEqual({
      text: '3 × 3 = 9',
      reasoning: 'Three times three is nine.',
      toolCalls: [],
    });
  });

  it('throws the error a server sends mid-stream, after the text before it', async () => {
    const decoder = decoderFor();
    const lines = readFixture('openai-mid-stream-error.sse')
      .split('\n')
      .filter((line) => line.startsWith('data: '))
      .map((line) => JSON.parse(line.slice(6)) as unknown);
    expect(decoder.push(lines[0])).toEqual([{ type: 'text-delta', delta: 'Once upon' }]);
    let error: unknown;
    try {
      decoder.push(lines[1]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({
      kind: 'unavailable',
      message: 'openai: The server had an error while processing your request. Sorry about that!',
    });
  });

  it('streams reasoning_content deltas as reasoning', () => {
    expect(decoderFor().push(chunk({ reasoning_content: 'Let me think.' }))).toEqual([
      { type: 'reasoning-delta', delta: 'Let me think.' },
    ]);
  });

  it('starts a new call when a server numbers every call 0 but gives each its own id', () => {
    const decoder = decoderFor();
    const events = [
      ...decoder.push(
        chunk({ tool_calls: [{ index: 0, id: 'a', function: { name: 'f', arguments: '{}' } }] }),
      ),
      ...decoder.push(
        chunk({ tool_calls: [{ index: 0, id: 'b', function: { name: 'g', arguments: '{}' } }] }),
      ),
      ...decoder.end(),
    ];
    expect(accumulate(events).message.toolCalls).toEqual([
      { id: 'a', name: 'f', arguments: '{}' },
      { id: 'b', name: 'g', arguments: '{}' },
    ]);
    expect(events.filter((e) => e.type === 'tool-call-end')).toEqual([
      { type: 'tool-call-end', index: 0 },
      { type: 'tool-call-end', index: 1 },
    ]);
  });

  it('continues the latest call with a fragment that has neither index nor id', () => {
    const decoder = decoderFor();
    decoder.push(chunk({ tool_calls: [{ id: 'a', function: { name: 'f', arguments: '{"x"' } }] }));
    expect(decoder.push(chunk({ tool_calls: [{ function: { arguments: ':1}' } }] }))).toEqual([
      { type: 'tool-call-delta', index: 0, argumentsDelta: ':1}' },
    ]);
  });

  it('sends tool arguments given as an object as JSON text', () => {
    const events = decoderFor().push(
      chunk({ tool_calls: [{ index: 0, id: 'a', function: { name: 'f', arguments: { x: 1 } } }] }),
    );
    expect(events).toContainEqual({ type: 'tool-call-delta', index: 0, argumentsDelta: '{"x":1}' });
  });

  it('ends open tool calls and finishes once, even when no finish_reason came', () => {
    const decoder = decoderFor();
    decoder.push(chunk({ tool_calls: [{ index: 0, id: 'a', function: { name: 'f', arguments: '{}' } }] }));
    expect(decoder.sawFinishReason).toBe(false);
    expect(decoder.end()).toEqual([
      { type: 'tool-call-end', index: 0 },
      { type: 'finish', finishReason: 'tool_calls', model: 'm', providerRequestId: 'chatcmpl-1' },
    ]);
    expect(decoder.end()).toEqual([]);
  });

  it('finishes a text stream without finish_reason as other', () => {
    const decoder = decoderFor();
    decoder.push(chunk({ content: 'Hi' }));
    expect(decoder.end()).toEqual([
      { type: 'finish', finishReason: 'other', model: 'm', providerRequestId: 'chatcmpl-1' },
    ]);
  });

  it('refuses a payload that is not a JSON object', () => {
    expect(() => decoderFor().push('hello')).toThrow(ProviderError);
  });
});

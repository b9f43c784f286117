import { parseServerSentEvents, SseEventTooLargeError, type ServerSentEvent } from './sse-reader.js';

async function* source(chunks: readonly (string | Uint8Array)[]): AsyncGenerator<string | Uint8Array> {
  for (const chunk of chunks) yield chunk;
}

async function collect(chunks: readonly (string | Uint8Array)[], maxEventChars?: number) {
  const events: ServerSentEvent[] = [];
  for await (const event of parseServerSentEvents(source(chunks), maxEventChars ? { maxEventChars } : {})) {
    events.push(event);
  }
  return events;
}

describe('parseServerSentEvents', () => {
  it('yields the data of each event, in order', async () => {
    expect(await collect(['data: {"a":1}\n\ndata: {"a":2}\n\ndata: [DONE]\n\n'])).toEqual([
      { data: '{"a":1}' },
      { data: '{"a":2}' },
      { data: '[DONE]' },
    ]);
  });

  it('reassembles events split across chunks at any byte', async () => {
    const wire = 'data: {"text":"héllo wörld"}\n\nevent: message_stop\ndata: {}\n\n';
    const bytes = Buffer.from(wire, 'utf8');
    const oneByteChunks = [...bytes].map((byte) => Uint8Array.of(byte));
    expect(await collect(oneByteChunks)).toEqual([
      { data: '{"text":"héllo wörld"}' },
      { event: 'message_stop', data: '{}' },
    ]);
  });

  it('skips keep-alive comments', async () => {
    expect(await collect([': ping\n\n', 'data: 1\n\n', ':\n\n: keep-alive\n', 'data: 2\n\n'])).toEqual([
      { data: '1' },
      { data: '2' },
    ]);
  });

  it('accepts CRLF and CR line ends', async () => {
    expect(await collect(['data: a\r\n\r\ndata: b\r\r', 'data: c\r\n', '\r\n'])).toEqual([
      { data: 'a' },
      { data: 'b' },
      { data: 'c' },
    ]);
  });

  it('joins multi-line data with line feeds', async () => {
    expect(await collect(['data: {"a":\ndata: 1}\n\n'])).toEqual([{ data: '{"a":\n1}' }]);
  });

  it('keeps event names and ids', async () => {
    expect(await collect(['id: 7\nevent: error\ndata: {"error":{}}\n\n'])).toEqual([
      { id: '7', event: 'error', data: '{"error":{}}' },
    ]);
  });

  it('delivers a last event whose closing blank line never came', async () => {
    expect(await collect(['data: 1\n\ndata: [DONE]\n'])).toEqual([{ data: '1' }, { data: '[DONE]' }]);
    expect(await collect(['data: [DONE]'])).toEqual([{ data: '[DONE]' }]);
  });

  it('refuses an event larger than the limit', async () => {
    await expect(collect([`data: ${'x'.repeat(100)}`, 'x'.repeat(100)], 64)).rejects.toBeInstanceOf(
      SseEventTooLargeError,
    );
  });

  it('passes errors of the source on', async () => {
    async function* failing(): AsyncGenerator<string> {
      yield 'data: 1\n\n';
      throw Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' });
    }
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const event of parseServerSentEvents(failing())) seen.push(event.data);
      })(),
    ).rejects.toMatchObject({ code: 'UND_ERR_SOCKET' });
    expect(seen).toEqual(['1']);
  });
});

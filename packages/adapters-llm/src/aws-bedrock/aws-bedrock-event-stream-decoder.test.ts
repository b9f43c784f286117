import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { ProviderError } from '@integration-api/core';
import {
  AwsEventStreamDecoder,
  awsBedrockStreamEventOf,
  decodeAwsBedrockEventStream,
  type AwsEventStreamMessage,
} from './aws-bedrock-event-stream-decoder.js';
import {
  encodeAwsBedrockChunksText,
  encodeAwsBedrockEvent,
  encodeAwsBedrockException,
  encodeAwsEventStreamMessage,
} from './aws-bedrock-event-stream-encoder.js';

const fixture = (name: string) => readFileSync(join(__dirname, '__fixtures__', name), 'utf8');

function concat(frames: readonly Uint8Array[]): Buffer {
  return Buffer.concat(frames.map((f) => Buffer.from(f)));
}

/** Cuts bytes into chunks of the given sizes, cycling through them. */
function cut(bytes: Buffer, sizes: readonly number[]): Buffer[] {
  const chunks: Buffer[] = [];
  for (let at = 0, i = 0; at < bytes.length; i += 1) {
    const size = sizes[i % sizes.length]!;
    chunks.push(bytes.subarray(at, at + size));
    at += size;
  }
  return chunks;
}

function decodeAll(chunks: readonly Uint8Array[]): AwsEventStreamMessage[] {
  const decoder = new AwsEventStreamDecoder();
  const messages = chunks.flatMap((chunk) => decoder.push(chunk));
  decoder.end();
  return messages;
}

const payloadsOf = (messages: readonly AwsEventStreamMessage[]) =>
  messages.map((m) => ({ [m.headers[':event-type']!]: JSON.parse(Buffer.from(m.body).toString('utf8')) }));

async function* iterate(chunks: readonly Uint8Array[]): AsyncGenerator<Uint8Array> {
  for (const chunk of chunks) yield chunk;
}

function thrown(action: () => unknown): ProviderError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(ProviderError);
    return error as ProviderError;
  }
  throw new Error('expected a ProviderError');
}

describe('AwsEventStreamDecoder', () => {
  const recorded = fixture('aws-bedrock-text.chunks.txt');
  const expected = recorded
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as unknown);
  const wire = concat(encodeAwsBedrockChunksText(recorded));

  it('decodes several frames arriving in one chunk', () => {
    const messages = decodeAll([wire]);
    expect(payloadsOf(messages)).toEqual(expected);
    expect(messages[0]!.headers).toEqual({
      ':event-type': 'messageStart',
      ':content-type': 'application/json',
      ':message-type': 'event',
    });
  });

  it('decodes frames split at every byte', () => {
    expect(payloadsOf(decodeAll(cut(wire, [1])))).toEqual(expected);
  });

  it.each([[[3]], [[7, 13]], [[11, 1, 40]], [[500]]])(
    'decodes frames split across chunks of sizes %j',
    (sizes) => {
      expect(payloadsOf(decodeAll(cut(wire, sizes)))).toEqual(expected);
    },
  );

  it('decodes a frame built byte by byte from the format description', () => {
    // Header: name length (1), name, type 7 = string, value length (2), value.
    const header = (name: string, value: string) =>
      Buffer.concat([
        Buffer.from([name.length]),
        Buffer.from(name),
        Buffer.from([7]),
        Buffer.from([value.length >> 8, value.length & 0xff]),
        Buffer.from(value),
      ]);
    const headers = Buffer.concat([header(':message-type', 'event'), header(':event-type', 'messageStop')]);
    const payload = Buffer.from('{"stopReason":"end_turn"}');
    const total = 12 + headers.length + payload.length + 4;
    const prelude = Buffer.alloc(8);
    prelude.writeUInt32BE(total, 0);
    prelude.writeUInt32BE(headers.length, 4);
    const preludeCrc = Buffer.alloc(4);
    preludeCrc.writeUInt32BE(crc32(prelude), 0);
    const withoutCrc = Buffer.concat([prelude, preludeCrc, headers, payload]);
    const messageCrc = Buffer.alloc(4);
    messageCrc.writeUInt32BE(crc32(withoutCrc), 0);

    const [message] = decodeAll([Buffer.concat([withoutCrc, messageCrc])]);
    expect(message!.headers).toEqual({ ':message-type': 'event', ':event-type': 'messageStop' });
    expect(Buffer.from(message!.body).toString()).toBe('{"stopReason":"end_turn"}');
  });

  it('refuses a corrupt prelude as soon as its twelve bytes are in', () => {
    const bad = Buffer.from(wire);
    bad[2] = bad[2]! ^ 0xff; // the total length: the prelude CRC no longer matches
    const decoder = new AwsEventStreamDecoder();
    const error = thrown(() => decoder.push(bad.subarray(0, 12)));
    expect(error.kind).toBe('error');
    expect(error.message).toBe(
      'aws-bedrock: the event stream is corrupt: the prelude checksum does not match',
    );
  });

  it('refuses a frame whose payload was altered (message CRC)', () => {
    const frame = Buffer.from(encodeAwsBedrockEvent('contentBlockDelta', { delta: { text: 'hello' } }));
    frame[frame.length - 8] = frame[frame.length - 8]! ^ 0x01;
    const error = thrown(() => new AwsEventStreamDecoder().push(frame));
    expect(error.message).toMatch(/^aws-bedrock: the event stream is corrupt: The message checksum/);
  });

  it('refuses a prelude that claims an impossible length', () => {
    const prelude = Buffer.alloc(12);
    prelude.writeUInt32BE(64 * 1024 * 1024, 0);
    prelude.writeUInt32BE(0, 4);
    prelude.writeUInt32BE(crc32(prelude.subarray(0, 8)), 8);
    const error = thrown(() => new AwsEventStreamDecoder().push(prelude));
    expect(error.message).toContain('impossible length');
  });

  it('throws at the end when the stream stopped inside a frame', () => {
    const decoder = new AwsEventStreamDecoder();
    expect(decoder.push(wire.subarray(0, wire.length - 5))).toHaveLength(expected.length - 1);
    const error = thrown(() => decoder.end());
    expect(error.message).toBe('aws-bedrock: the event stream ended inside a message');
  });

  it('ends quietly after whole frames and on an empty body', () => {
    const decoder = new AwsEventStreamDecoder();
    decoder.push(new Uint8Array(0));
    expect(() => decoder.end()).not.toThrow();
  });
});

describe('awsBedrockStreamEventOf', () => {
  const secrets = ['wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY'];
  const messageOf = (frame: Uint8Array) => new AwsEventStreamDecoder().push(frame)[0]!;

  it('types the known events and keeps their payloads', () => {
    const delta = { contentBlockIndex: 0, delta: { text: 'Hi' } };
    expect(
      awsBedrockStreamEventOf(messageOf(encodeAwsBedrockEvent('contentBlockDelta', delta)), secrets),
    ).toEqual({
      type: 'contentBlockDelta',
      payload: delta,
    });
  });

  it('passes events it does not know as unknown', () => {
    const event = awsBedrockStreamEventOf(
      messageOf(encodeAwsBedrockEvent('citationsDelta', { x: 1 })),
      secrets,
    );
    expect(event).toEqual({ type: 'unknown', eventType: 'citationsDelta', payload: { x: 1 } });
  });

  it.each([
    ['throttlingException', 'rate_limited'],
    ['validationException', 'invalid_request'],
    ['modelStreamErrorException', 'unavailable'],
    ['internalServerException', 'unavailable'],
    ['serviceUnavailableException', 'unavailable'],
    ['accessDeniedException', 'permission_denied'],
    ['somethingNewException', 'error'],
  ])('throws a %s exception as a ProviderError of kind %s', (exceptionType, kind) => {
    const frame = encodeAwsBedrockException(
      exceptionType,
      'Too many tokens, please wait before trying again.',
    );
    const error = thrown(() => awsBedrockStreamEventOf(messageOf(frame), secrets));
    expect(error.kind).toBe(kind);
    expect(error.message).toBe(
      `aws-bedrock: ${exceptionType.charAt(0).toUpperCase()}${exceptionType.slice(1)}: Too many tokens, please wait before trying again.`,
    );
  });

  it('scrubs secret values from an exception message', () => {
    const frame = encodeAwsBedrockException('validationException', `bad key ${secrets[0]}`);
    const error = thrown(() => awsBedrockStreamEventOf(messageOf(frame), secrets));
    expect(error.message).toBe('aws-bedrock: ValidationException: bad key [redacted]');
  });

  it('throws an error message (error code and message in headers)', () => {
    const frame = encodeAwsEventStreamMessage(
      { ':message-type': 'error', ':error-code': 'InternalFailure', ':error-message': 'stream failed' },
      '',
    );
    const error = thrown(() => awsBedrockStreamEventOf(messageOf(frame), secrets));
    expect(error.kind).toBe('unavailable');
    expect(error.message).toBe('aws-bedrock: InternalFailure: stream failed');
  });

  it('refuses an event whose payload is not JSON', () => {
    const frame = encodeAwsEventStreamMessage(
      { ':message-type': 'event', ':event-type': 'metadata' },
      '{not json',
    );
    expect(thrown(() => awsBedrockStreamEventOf(messageOf(frame), secrets)).message).toBe(
      'aws-bedrock: a stream event is not valid JSON',
    );
  });
});

describe('decodeAwsBedrockEventStream', () => {
  it('yields the events of a body in order and stops at the first exception', async () => {
    const frames = [
      encodeAwsBedrockEvent('messageStart', { role: 'assistant' }),
      encodeAwsBedrockEvent('contentBlockDelta', { contentBlockIndex: 0, delta: { text: 'Hel' } }),
      encodeAwsBedrockException('modelStreamErrorException', 'The model stream failed.'),
      encodeAwsBedrockEvent('messageStop', { stopReason: 'end_turn' }),
    ];
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const event of decodeAwsBedrockEventStream(iterate(cut(concat(frames), [9])), [])) {
          seen.push(event.type);
        }
      })(),
    ).rejects.toMatchObject({
      kind: 'unavailable',
      message: 'aws-bedrock: ModelStreamErrorException: The model stream failed.',
    });
    expect(seen).toEqual(['messageStart', 'contentBlockDelta']);
  });

  it('throws when the body ends inside a frame', async () => {
    const frame = Buffer.from(encodeAwsBedrockEvent('messageStart', { role: 'assistant' }));
    const run = async () => {
      for await (const _event of decodeAwsBedrockEventStream(iterate([frame.subarray(0, 20)]), [])) {
        // nothing arrives
      }
    };
    await expect(run()).rejects.toBeInstanceOf(ProviderError);
  });
});

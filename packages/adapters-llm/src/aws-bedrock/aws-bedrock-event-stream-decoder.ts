import { crc32 } from 'node:zlib';
import { ProviderError } from '@integration-api/core';
import type { AwsBedrockStreamEvent } from './aws-bedrock-api.js';
import { AWS_BEDROCK_PROVIDER, awsBedrockStreamError } from './aws-bedrock-error.js';
import { awsEventStreamCodec } from './aws-bedrock-event-stream-codec.js';

/** One decoded frame: string-valued headers (the only kind Bedrock sends) and the raw payload. */
export interface AwsEventStreamMessage {
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array;
}

// Prelude: total length (4), headers length (4), prelude CRC (4); the message CRC (4) closes a frame.
const PRELUDE_BYTES = 12;
const MIN_MESSAGE_BYTES = 16;
/** The event-stream limit on one message; a larger length is a corrupt prelude, not a big event. */
export const MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

/**
 * Splits a byte stream into event-stream messages. Chunks may end anywhere (inside a prelude, a
 * header or a payload) and may hold several frames. The prelude CRC is checked as soon as its 12
 * bytes are in, so a corrupt length is refused at once instead of waiting for bytes that never
 * come; the codec then checks the message CRC of each whole frame. Failures are ProviderErrors.
 */
export class AwsEventStreamDecoder {
  private chunks: Uint8Array[] = [];
  private buffered = 0;
  /** The total length of the frame being read, once its prelude checked out. */
  private frameLength: number | undefined;

  push(chunk: Uint8Array): AwsEventStreamMessage[] {
    if (chunk.length > 0) {
      this.chunks.push(chunk);
      this.buffered += chunk.length;
    }
    const messages: AwsEventStreamMessage[] = [];
    for (;;) {
      if (this.frameLength === undefined) {
        if (this.buffered < PRELUDE_BYTES) break;
        this.frameLength = checkedFrameLength(this.peek(PRELUDE_BYTES));
      }
      if (this.buffered < this.frameLength) break;
      const frame = this.take(this.frameLength);
      this.frameLength = undefined;
      messages.push(decodeFrame(frame));
    }
    return messages;
  }

  /** Call when the body ended: bytes of an unfinished frame mean the stream was cut. */
  end(): void {
    if (this.buffered > 0) {
      throw new ProviderError('error', AWS_BEDROCK_PROVIDER, 'the event stream ended inside a message');
    }
  }

  private peek(length: number): Uint8Array {
    this.merge();
    return this.chunks[0]!.subarray(0, length);
  }

  private take(length: number): Uint8Array {
    this.merge();
    const all = this.chunks[0]!;
    const frame = all.subarray(0, length);
    const rest = all.subarray(length);
    this.chunks = rest.length > 0 ? [rest] : [];
    this.buffered = rest.length;
    return frame;
  }

  /** Joins the buffered chunks, only when bytes are needed: a large frame in small chunks is copied once. */
  private merge(): void {
    if (this.chunks.length > 1) this.chunks = [Buffer.concat(this.chunks)];
  }
}

/**
 * A decoded ConverseStream message as an event. `exception` and `error` messages are the
 * provider's failure reports mid-stream and are thrown as ProviderErrors; a payload that is not
 * JSON is refused.
 */
export function awsBedrockStreamEventOf(
  message: AwsEventStreamMessage,
  secrets: readonly string[],
): AwsBedrockStreamEvent {
  const messageType = message.headers[':message-type'];
  if (messageType === 'exception') {
    const payload = parsePayload(message.body, true);
    const text = isRecord(payload) ? (payload.message ?? payload.Message) : undefined;
    throw awsBedrockStreamError(
      message.headers[':exception-type'],
      typeof text === 'string' ? text : undefined,
      secrets,
    );
  }
  if (messageType === 'error') {
    throw awsBedrockStreamError(message.headers[':error-code'], message.headers[':error-message'], secrets);
  }
  if (messageType !== 'event') {
    throw new ProviderError(
      'error',
      AWS_BEDROCK_PROVIDER,
      `the stream sent a message of type ${messageType ?? '(none)'}`,
    );
  }
  const eventType = message.headers[':event-type'] ?? '';
  const payload = parsePayload(message.body, false);
  switch (eventType) {
    case 'messageStart':
    case 'contentBlockStart':
    case 'contentBlockDelta':
    case 'contentBlockStop':
    case 'messageStop':
    case 'metadata':
      return { type: eventType, payload: isRecord(payload) ? payload : {} } as AwsBedrockStreamEvent;
    default:
      return { type: 'unknown', eventType, payload };
  }
}

/** Decodes a ConverseStream body into its events; throws when the stream reports or contains an error. */
export async function* decodeAwsBedrockEventStream(
  chunks: AsyncIterable<Uint8Array>,
  secrets: readonly string[],
): AsyncGenerator<AwsBedrockStreamEvent> {
  const decoder = new AwsEventStreamDecoder();
  for await (const chunk of chunks) {
    for (const message of decoder.push(chunk)) yield awsBedrockStreamEventOf(message, secrets);
  }
  decoder.end();
}

function checkedFrameLength(prelude: Uint8Array): number {
  const view = new DataView(prelude.buffer, prelude.byteOffset, PRELUDE_BYTES);
  if (crc32(prelude.subarray(0, 8)) !== view.getUint32(8))
    throw corrupt('the prelude checksum does not match');
  const total = view.getUint32(0);
  const headers = view.getUint32(4);
  if (total < MIN_MESSAGE_BYTES || total > MAX_MESSAGE_BYTES || headers > total - MIN_MESSAGE_BYTES) {
    throw corrupt(`a message claims an impossible length of ${total} bytes`);
  }
  return total;
}

function decodeFrame(frame: Uint8Array): AwsEventStreamMessage {
  let decoded;
  try {
    decoded = awsEventStreamCodec.decode(frame);
  } catch (error) {
    // The codec's messages are about checksums and header encodings; none holds payload data.
    throw corrupt(error instanceof Error ? error.message : 'a message could not be decoded');
  }
  const headers: Record<string, string> = {};
  for (const [name, header] of Object.entries(decoded.headers)) {
    if (header.type === 'string') headers[name] = header.value;
  }
  return { headers, body: decoded.body };
}

function parsePayload(body: Uint8Array, lenient: boolean): unknown {
  const text = Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    if (lenient) return { message: text };
    throw new ProviderError('error', AWS_BEDROCK_PROVIDER, 'a stream event is not valid JSON');
  }
}

function corrupt(detail: string): ProviderError {
  return new ProviderError('error', AWS_BEDROCK_PROVIDER, `the event stream is corrupt: ${detail}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

import { performance } from 'node:perf_hooks';
import { Client, Metadata, credentials, type ServiceError } from '@grpc/grpc-js';
import {
  ChatRequest,
  ChatResponse,
  EmbedRequest,
  EmbedResponse,
  StreamChatResponse,
} from '@integration-api/transport-grpc';
import { SERVING, healthStatus } from './health-status.js';
import type { StreamOutcome } from './stream-load.js';

const CHAT = '/integration.v1.InferenceService/Chat';
const STREAM_CHAT = '/integration.v1.InferenceService/StreamChat';
const EMBED = '/integration.v1.InferenceService/Embed';
const HEALTH_CHECK = '/grpc.health.v1.Health/Check';

/** A ts-proto message's bytes as the Buffer grpc-js frames (a view, not a copy). */
const asBuffer = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

const encodeChat = (message: ChatRequest) => asBuffer(ChatRequest.encode(message).finish());
const encodeEmbed = (message: EmbedRequest) => asBuffer(EmbedRequest.encode(message).finish());
const decodeChat = (bytes: Buffer) => ChatResponse.decode(bytes);
const decodeStreamChat = (bytes: Buffer) => StreamChatResponse.decode(bytes);
const decodeEmbed = (bytes: Buffer) => EmbedResponse.decode(bytes);
/** grpc.health.v1.HealthCheckRequest { service: "" }: every field at its default, zero bytes. */
const EMPTY = Buffer.alloc(0);
const encodeHealthCheck = () => EMPTY;

/**
 * The service's gRPC InferenceService, called the way an internal caller would: one grpc-js
 * channel, the messages encoded and decoded by the generated code, nothing else in between.
 */
export class GrpcTarget {
  private readonly client: Client;
  private readonly metadata: Metadata;
  /** Health/Check goes without the token, as health checkers call it. */
  private readonly noMetadata = new Metadata();

  constructor(
    address: string,
    token: string,
    private readonly chatRequest: ChatRequest,
    private readonly embedRequest: EmbedRequest,
  ) {
    this.client = new Client(address, credentials.createInsecure());
    // grpc-js copies the metadata into each call, so one object serves every call.
    this.metadata = new Metadata();
    this.metadata.set('authorization', `Bearer ${token}`);
  }

  /** grpc.health.v1 Check: the gRPC stack's own cost, with no work behind it. */
  async check(): Promise<void> {
    const status = await this.unary(
      HEALTH_CHECK,
      encodeHealthCheck,
      healthStatus,
      undefined,
      this.noMetadata,
    );
    if (status !== SERVING) throw new Error(`Health/Check answered status ${status}, not SERVING`);
  }

  /** One unary Chat; rejects unless the answer has the mock's text. */
  async chat(): Promise<void> {
    const response = await this.unary(CHAT, encodeChat, decodeChat, this.chatRequest, this.metadata);
    if (!response.message?.text) throw new Error('Chat answered without content');
  }

  async embed(): Promise<void> {
    const response = await this.unary(EMBED, encodeEmbed, decodeEmbed, this.embedRequest, this.metadata);
    if (response.embeddings.length !== this.embedRequest.inputs.length) {
      throw new Error('Embed answered with the wrong number of vectors');
    }
  }

  /** One StreamChat: every frame is a chunk; the token is the first text delta. */
  async streamChat(): Promise<StreamOutcome> {
    const t0 = performance.now();
    let ttftMs = NaN;
    let chunks = 0;
    let final = false;
    const call = this.client.makeServerStreamRequest(
      STREAM_CHAT,
      encodeChat,
      decodeStreamChat,
      this.chatRequest,
      this.metadata,
    );
    for await (const frame of call as AsyncIterable<StreamChatResponse>) {
      chunks += 1;
      if (Number.isNaN(ttftMs) && frame.textDelta) ttftMs = performance.now() - t0;
      if (frame.final) final = true;
    }
    if (!final || Number.isNaN(ttftMs)) throw new Error('StreamChat ended without a token or a final frame');
    return { ttftMs, totalMs: performance.now() - t0, chunks };
  }

  close(): void {
    this.client.close();
  }

  private unary<Request, Response>(
    method: string,
    serialize: (request: Request) => Buffer,
    deserialize: (bytes: Buffer) => Response,
    request: Request,
    metadata: Metadata,
  ): Promise<Response> {
    return new Promise((resolve, reject) => {
      this.client.makeUnaryRequest(
        method,
        serialize,
        deserialize,
        request,
        metadata,
        (error: ServiceError | null, response?: Response) => {
          if (error) reject(error);
          else if (response === undefined) reject(new Error(`${method} answered without a message`));
          else resolve(response);
        },
      );
    });
  }
}

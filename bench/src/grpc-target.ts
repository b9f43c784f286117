import { performance } from 'node:perf_hooks';
import {
  InferenceServiceDefinition,
  type ChatRequest,
  type EmbedRequest,
  type InferenceServiceClient,
} from '@integration-api/transport-grpc';
import { Metadata, createChannel, createClient, type Channel, type Client } from 'nice-grpc';
import { HealthDefinition } from 'nice-grpc-server-health';
import type { StreamOutcome } from './stream-load.js';

/** The service's gRPC InferenceService, called the way an internal caller would (one channel). */
export class GrpcTarget {
  private readonly channel: Channel;
  private readonly client: InferenceServiceClient;
  private readonly health: Client<typeof HealthDefinition>;

  constructor(
    address: string,
    token: string,
    private readonly chatRequest: ChatRequest,
    private readonly embedRequest: EmbedRequest,
  ) {
    this.channel = createChannel(address);
    this.client = createClient(InferenceServiceDefinition, this.channel, {
      '*': { metadata: Metadata({ authorization: `Bearer ${token}` }) },
    });
    this.health = createClient(HealthDefinition, this.channel);
  }

  /** grpc.health.v1 Check: the gRPC stack's own cost, with no work behind it. */
  async check(): Promise<void> {
    await this.health.check({ service: '' });
  }

  /** One unary Chat; rejects unless the answer has the mock's text. */
  async chat(): Promise<void> {
    const response = await this.client.chat(this.chatRequest);
    if (!response.message?.text) throw new Error('Chat answered without content');
  }

  async embed(): Promise<void> {
    const response = await this.client.embed(this.embedRequest);
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
    for await (const frame of this.client.streamChat(this.chatRequest)) {
      chunks += 1;
      if (Number.isNaN(ttftMs) && frame.textDelta) ttftMs = performance.now() - t0;
      if (frame.final) final = true;
    }
    if (!final || Number.isNaN(ttftMs)) throw new Error('StreamChat ended without a token or a final frame');
    return { ttftMs, totalMs: performance.now() - t0, chunks };
  }

  close(): void {
    this.channel.close();
  }
}

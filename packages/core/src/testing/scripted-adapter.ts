import type { ChatRequest, ChatStreamEvent, ProviderChatResult } from '../inference/chat.js';
import type { EmbedRequest, ProviderEmbedResult } from '../inference/embedding.js';
import type { ProviderRerankResult, RerankRequest } from '../inference/rerank.js';
import type { ProviderAdapter, ProviderCall } from '../ports/provider-registry.js';
import type { ProviderSpec } from '../providers/provider-spec.js';

/**
 * A provider adapter whose every method runs what the test scripted (`onChat`, `onStreamChat`,
 * ...), recording the calls. For testing the transports over the real core services; the real
 * adapters and their wire formats are tested in adapters-llm.
 */
export class ScriptedAdapter implements ProviderAdapter {
  readonly calls: ProviderCall<unknown>[] = [];
  onChat: (call: ProviderCall<ChatRequest>) => Promise<ProviderChatResult> = unscripted;
  onStreamChat: (call: ProviderCall<ChatRequest>) => AsyncIterable<ChatStreamEvent> = unscripted;
  onEmbed: (call: ProviderCall<EmbedRequest>) => Promise<ProviderEmbedResult> = unscripted;
  onRerank: (call: ProviderCall<RerankRequest>) => Promise<ProviderRerankResult> = unscripted;

  constructor(readonly spec: ProviderSpec) {}

  chat(call: ProviderCall<ChatRequest>) {
    this.calls.push(call);
    return this.onChat(call);
  }
  streamChat(call: ProviderCall<ChatRequest>) {
    this.calls.push(call);
    return this.onStreamChat(call);
  }
  embed(call: ProviderCall<EmbedRequest>) {
    this.calls.push(call);
    return this.onEmbed(call);
  }
  rerank(call: ProviderCall<RerankRequest>) {
    this.calls.push(call);
    return this.onRerank(call);
  }

  /** Forgets the calls and the scripts: for a beforeEach. */
  reset(): void {
    this.calls.length = 0;
    this.onChat = this.onStreamChat = this.onEmbed = this.onRerank = unscripted;
  }

  /** The one call the test made; throws unless there was exactly one. */
  onlyCall(): ProviderCall<unknown> {
    if (this.calls.length !== 1) throw new Error(`expected one provider call, got ${this.calls.length}`);
    return this.calls[0]!;
  }

  /** The request of the one call the test made. */
  onlyRequest<Request>(): Request {
    return (this.onlyCall() as ProviderCall<Request>).request;
  }
}

function unscripted(): never {
  throw new Error('this test scripted no answer for the call');
}

/** Resolves once the signal is aborted. */
export function abortOf(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) =>
    signal.aborted ? resolve() : signal.addEventListener('abort', () => resolve(), { once: true }),
  );
}

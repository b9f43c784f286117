import type { CredentialService } from '../credentials/credential-service.js';
import type { Credential } from '../credentials/credential.js';
import {
  CancelledError,
  CapabilityUnsupportedError,
  InvalidArgumentError,
  ProviderError,
} from '../errors/domain-error.js';
import type { ProviderAdapter, ProviderCall, ProviderRegistry } from '../ports/provider-registry.js';
import type { Clock } from '../ports/system.js';
import type { Capabilities, SecretPayload } from '../providers/provider-spec.js';
import { requireScope, type Principal } from '../tenancy/principal.js';
import type { ChatRequest, ChatResult, ChatStreamEvent } from './chat.js';
import type { EmbedRequest, EmbedResult } from './embedding.js';
import type { RerankRequest, RerankResult } from './rerank.js';
import { ChatStreamAccumulator, withTotal } from './stream-accumulator.js';
import { validateChatRequest } from './validate-chat-request.js';

export interface InferenceCall<Request> {
  readonly credentialId: string;
  readonly request: Request;
  /** Aborts the upstream call: the caller cancelled or its deadline passed. */
  readonly signal?: AbortSignal;
}

/** The stream a caller sees: the provider's events, then one `done` with the whole result. */
export type InferenceStreamEvent = ChatStreamEvent | { readonly type: 'done'; readonly result: ChatResult };

export interface InferenceServiceDeps {
  readonly credentials: CredentialService;
  readonly providers: ProviderRegistry;
  readonly clock: Clock;
}

const MAX_EMBED_INPUTS = 2048;
const MAX_RERANK_DOCUMENTS = 10_000;

/**
 * Runs inference with a tenant's stored credential: resolves it (caches first), opens the secret
 * for this one call, calls the provider's adapter and measures what the caller waited.
 */
export class InferenceService {
  constructor(private readonly deps: InferenceServiceDeps) {}

  async chat(principal: Principal, call: InferenceCall<ChatRequest>): Promise<ChatResult> {
    requireScope(principal, 'inference');
    validateChatRequest(call.request);
    const started = this.deps.clock.monotonicMs();
    const { adapter, providerCall } = await this.prepare(principal, call, 'chat');
    checkRequestFeatures(adapter, call.request);
    const result = await this.guard(call.signal, () => adapter.chat!(providerCall));
    return {
      ...result,
      usage: withTotal(result.usage),
      metrics: { latencyMs: this.deps.clock.monotonicMs() - started },
    };
  }

  async *streamChat(
    principal: Principal,
    call: InferenceCall<ChatRequest>,
  ): AsyncGenerator<InferenceStreamEvent> {
    validateChatRequest(call.request);
    const clock = this.deps.clock;
    const started = clock.monotonicMs();
    const { adapter, providerCall, credential } = await this.prepare(principal, call, 'streaming');
    checkRequestFeatures(adapter, call.request);
    const accumulator = new ChatStreamAccumulator();
    let firstTokenAt: number | undefined;
    try {
      for await (const event of adapter.streamChat!(providerCall)) {
        if (firstTokenAt === undefined && isContent(event)) firstTokenAt = clock.monotonicMs();
        accumulator.add(event);
        yield event;
      }
    } catch (error) {
      throw this.translate(error, call.signal);
    }
    if (!accumulator.finished) {
      throw new ProviderError(
        'error',
        credential.provider,
        'the stream ended before the provider finished it',
      );
    }
    const latencyMs = clock.monotonicMs() - started;
    yield {
      type: 'done',
      result: {
        ...accumulator.result(),
        metrics: {
          latencyMs,
          ...(firstTokenAt !== undefined ? { timeToFirstTokenMs: firstTokenAt - started } : {}),
        },
      },
    };
  }

  async embed(principal: Principal, call: InferenceCall<EmbedRequest>): Promise<EmbedResult> {
    requireScope(principal, 'inference');
    const { request } = call;
    if (!request.model) throw new InvalidArgumentError('model', 'must be a non-empty string');
    if (
      !Array.isArray(request.inputs) ||
      request.inputs.length === 0 ||
      request.inputs.length > MAX_EMBED_INPUTS
    ) {
      throw new InvalidArgumentError('inputs', `must hold 1 to ${MAX_EMBED_INPUTS} texts`);
    }
    request.inputs.forEach((input, i) => {
      if (typeof input !== 'string' || input.length === 0)
        throw new InvalidArgumentError(`inputs[${i}]`, 'must be non-empty text');
    });
    if (
      request.dimensions !== undefined &&
      (!Number.isSafeInteger(request.dimensions) || request.dimensions < 1)
    ) {
      throw new InvalidArgumentError('dimensions', 'must be a positive integer');
    }
    const started = this.deps.clock.monotonicMs();
    const { adapter, providerCall } = await this.prepare(principal, call, 'embeddings');
    const result = await this.guard(call.signal, () => adapter.embed!(providerCall));
    return { ...result, metrics: { latencyMs: this.deps.clock.monotonicMs() - started } };
  }

  async rerank(principal: Principal, call: InferenceCall<RerankRequest>): Promise<RerankResult> {
    requireScope(principal, 'inference');
    const { request } = call;
    if (!request.model) throw new InvalidArgumentError('model', 'must be a non-empty string');
    if (typeof request.query !== 'string' || request.query.length === 0) {
      throw new InvalidArgumentError('query', 'must be non-empty text');
    }
    if (
      !Array.isArray(request.documents) ||
      request.documents.length === 0 ||
      request.documents.length > MAX_RERANK_DOCUMENTS
    ) {
      throw new InvalidArgumentError('documents', `must hold 1 to ${MAX_RERANK_DOCUMENTS} texts`);
    }
    if (request.topN !== undefined && (!Number.isSafeInteger(request.topN) || request.topN < 1)) {
      throw new InvalidArgumentError('topN', 'must be a positive integer');
    }
    const started = this.deps.clock.monotonicMs();
    const { adapter, providerCall } = await this.prepare(principal, call, 'rerank');
    const result = await this.guard(call.signal, () => adapter.rerank!(providerCall));
    return { ...result, metrics: { latencyMs: this.deps.clock.monotonicMs() - started } };
  }

  private async prepare<Request>(
    principal: Principal,
    call: InferenceCall<Request>,
    capability: keyof Capabilities,
  ): Promise<{ adapter: ProviderAdapter; providerCall: ProviderCall<Request>; credential: Credential }> {
    const { secret, credential } = await this.deps.credentials.openForUse(principal, call.credentialId);
    const adapter = this.deps.providers.get(credential.provider);
    if (!adapter || !adapter.spec.capabilities[capability] || !hasMethod(adapter, capability)) {
      throw new CapabilityUnsupportedError(credential.provider, capability);
    }
    return { adapter, credential, providerCall: providerCallOf(call, secret, credential) };
  }

  private async guard<T>(signal: AbortSignal | undefined, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw this.translate(error, signal);
    }
  }

  /** An abort the caller asked for is a cancellation, whatever the adapter threw. */
  private translate(error: unknown, signal: AbortSignal | undefined): unknown {
    if (signal?.aborted && !(error instanceof CancelledError)) return new CancelledError();
    return error;
  }
}

function providerCallOf<Request>(
  call: InferenceCall<Request>,
  secret: SecretPayload,
  credential: Credential,
): ProviderCall<Request> {
  return {
    request: call.request,
    secret,
    config: credential.config,
    signal: call.signal ?? new AbortController().signal,
  };
}

function hasMethod(adapter: ProviderAdapter, capability: keyof Capabilities): boolean {
  switch (capability) {
    case 'chat':
      return typeof adapter.chat === 'function';
    case 'streaming':
      return typeof adapter.streamChat === 'function';
    case 'embeddings':
      return typeof adapter.embed === 'function';
    case 'rerank':
      return typeof adapter.rerank === 'function';
    default:
      return true;
  }
}

/** Tools and images need the provider's support; refuse before calling rather than let it fail oddly. */
function checkRequestFeatures(adapter: ProviderAdapter, request: ChatRequest): void {
  const { capabilities, id } = adapter.spec;
  if (request.tools?.length && !capabilities.tools) throw new CapabilityUnsupportedError(id, 'tools');
  const hasImage = request.messages.some(
    (m) => m.role === 'user' && Array.isArray(m.content) && m.content.some((p) => p.type === 'image'),
  );
  if (hasImage && !capabilities.vision) throw new CapabilityUnsupportedError(id, 'vision');
}

function isContent(event: ChatStreamEvent): boolean {
  return event.type === 'text-delta' || event.type === 'reasoning-delta' || event.type === 'tool-call-start';
}

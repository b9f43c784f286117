import type { ChatRequest, ChatStreamEvent, ProviderChatResult } from '../inference/chat.js';
import type { EmbedRequest, ProviderEmbedResult } from '../inference/embedding.js';
import type { ProviderRerankResult, RerankRequest } from '../inference/rerank.js';
import type {
  CredentialConfig,
  ProviderId,
  ProviderSpec,
  SecretPayload,
} from '../providers/provider-spec.js';

export interface VerifyRequest {
  readonly secret: SecretPayload;
  readonly config: CredentialConfig;
  readonly signal?: AbortSignal;
}

/**
 * The provider's verdict on a credential. A provider that cannot be reached, or answers with a
 * server error, throws ProviderUnavailableError instead, and one that limits the rate throws
 * ProviderError `rate_limited` with its wait: nothing was decided.
 */
export type VerifyOutcome =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly reason: 'invalid_credential' | 'permission_denied';
      readonly message: string;
    };

/**
 * One call to a provider with an opened credential. The secret lives only as long as the call;
 * an adapter must not keep it. Aborting `signal` aborts the upstream request.
 */
export interface ProviderCall<Request> {
  readonly request: Request;
  readonly secret: SecretPayload;
  readonly config: CredentialConfig;
  readonly signal: AbortSignal;
}

/**
 * Everything the service can do with one provider. Each method is present exactly when the
 * matching capability in `spec.capabilities` is true. Failures throw core's ProviderError
 * (ProviderUnavailableError for verification), never a raw transport error.
 */
export interface ProviderAdapter {
  readonly spec: ProviderSpec;
  verify?(request: VerifyRequest): Promise<VerifyOutcome>;
  chat?(call: ProviderCall<ChatRequest>): Promise<ProviderChatResult>;
  /**
   * Yields the answer as it arrives and ends with exactly one `finish` event; a stream the
   * provider cut before its end marker throws instead of ending quietly.
   */
  streamChat?(call: ProviderCall<ChatRequest>): AsyncIterable<ChatStreamEvent>;
  embed?(call: ProviderCall<EmbedRequest>): Promise<ProviderEmbedResult>;
  rerank?(call: ProviderCall<RerankRequest>): Promise<ProviderRerankResult>;
}

export interface ProviderRegistry {
  list(): readonly ProviderAdapter[];
  get(id: ProviderId): ProviderAdapter | undefined;
}

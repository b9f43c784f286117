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
 * server error, throws ProviderUnavailableError instead: nothing was decided.
 */
export type VerifyOutcome =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly reason: 'invalid_credential' | 'permission_denied';
      readonly message: string;
    };

/** Everything the service can do with one provider. Later issues add chat, embeddings and rerank. */
export interface ProviderAdapter {
  readonly spec: ProviderSpec;
  /** Present when `spec.capabilities.verify` is true. */
  verify?(request: VerifyRequest): Promise<VerifyOutcome>;
}

export interface ProviderRegistry {
  list(): readonly ProviderAdapter[];
  get(id: ProviderId): ProviderAdapter | undefined;
}

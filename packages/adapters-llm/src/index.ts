export {
  createProviderRegistry,
  DEFAULT_VERIFY_TIMEOUT_MS,
  type ProviderRegistryOptions,
} from './registry.js';
export { renderCapabilityMatrix, renderCredentialFields } from './capability-matrix.js';

export {
  UpstreamClients,
  DEFAULT_UPSTREAM_TIMEOUTS,
  type UpstreamClientsOptions,
  type UpstreamTimeouts,
  type UpstreamRequest,
  type UpstreamResponse,
} from './http/upstream-clients.js';
export {
  PrivateAddressUpstreamGuard,
  PRIVATE_UPSTREAM_MESSAGE,
  type PrivateAddressUpstreamGuardOptions,
  type ResolveAddresses,
} from './http/private-address-upstream-guard.js';
export { PrivateUpstreamAddressError } from './http/guarded-connector.js';
export { privateAddressKind, isLocalhostName } from './http/private-address.js';
export {
  classifyHttpFailure,
  classifyTransportError,
  parseRetryAfter,
  type UpstreamFailure,
  type HttpFailureInput,
} from './http/upstream-failure.js';
export { scrubSecrets, REDACTED, MAX_PROVIDER_MESSAGE_LENGTH } from './http/scrub-secrets.js';
export { providerErrorMessage } from './http/provider-error-message.js';
export {
  verifyByRequest,
  verifyByCall,
  verifyOutcomeFor,
  type VerifyByRequestOptions,
  type VerifyCall,
  type VerifyCaller,
} from './http/verify-by-request.js';
export {
  providerErrorOf,
  providerErrorFromThrown,
  upstreamFailureOf,
  messageWithoutProvider,
} from './http/provider-error.js';
export {
  sendProviderRequest,
  readJsonResponse,
  postJson,
  postJsonForStream,
  firstHeader,
  JSON_BODY_LIMIT_BYTES,
  type JsonPost,
  type ProviderContext,
  type ProviderHttpErrorOf,
} from './http/send-provider-request.js';
export {
  parseServerSentEvents,
  SseEventTooLargeError,
  MAX_SSE_EVENT_CHARS,
  type ServerSentEvent,
} from './http/sse-reader.js';
export {
  readProviderEvents,
  readProviderStream,
  type ProviderEventStreamOptions,
  type ProviderStreamDecoder,
  type ProviderStreamOptions,
} from './http/provider-event-stream.js';
export { mapWithConcurrency } from './http/map-with-concurrency.js';

export * from './openai-compatible/index.js';

export { openaiSpec, OPENAI_DEFAULT_BASE_URL } from './openai/openai-spec.js';
export { createOpenAIAdapter, OPENAI_DIALECT, type OpenAIAdapterDeps } from './openai/openai-adapter.js';
export { azureOpenAISpec } from './azure-openai/azure-openai-spec.js';
export {
  createAzureOpenAIAdapter,
  AZURE_OPENAI_DIALECT,
  type AzureOpenAIAdapterDeps,
} from './azure-openai/azure-openai-adapter.js';
export { anthropicSpec, ANTHROPIC_DEFAULT_BASE_URL } from './anthropic/anthropic-spec.js';
export { googleGeminiSpec, GOOGLE_GEMINI_DEFAULT_BASE_URL } from './google-gemini/google-gemini-spec.js';
export {
  googleVertexSpec,
  googleVertexDefaultBaseUrl,
  GOOGLE_VERTEX_DEFAULT_TOKEN_URL,
} from './google-vertex/google-vertex-spec.js';
export { serviceAccountHint } from './google-vertex/google-vertex-hint.js';
export { awsBedrockSpec, awsBedrockDefaultBaseUrl } from './aws-bedrock/aws-bedrock-spec.js';
export { cohereSpec, COHERE_DEFAULT_BASE_URL } from './cohere/cohere-spec.js';
export { mistralSpec, MISTRAL_DEFAULT_BASE_URL } from './mistral/mistral-spec.js';
export { createMistralAdapter, type MistralAdapterDeps } from './mistral/mistral-adapter.js';
export { MISTRAL_DIALECT } from './mistral/mistral-dialect.js';
export { huggingfaceSpec, HUGGINGFACE_DEFAULT_BASE_URL } from './huggingface/huggingface-spec.js';
export { replicateSpec, REPLICATE_DEFAULT_BASE_URL } from './replicate/replicate-spec.js';
export { voyageaiSpec, VOYAGEAI_DEFAULT_BASE_URL } from './voyageai/voyageai-spec.js';

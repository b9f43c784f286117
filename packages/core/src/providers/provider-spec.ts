/**
 * What the service knows about a provider without calling it: its id, what it can do and the
 * fields its credential needs. Adapters declare these; the catalog, the admin API and the
 * validation of stored credentials all read the same declaration.
 */
export const PROVIDER_IDS = [
  'openai',
  'azure-openai',
  'anthropic',
  'google-gemini',
  'google-vertex',
  'aws-bedrock',
  'cohere',
  'mistral',
  'huggingface',
  'replicate',
  'voyageai',
] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];

export function isProviderId(value: string): value is ProviderId {
  return (PROVIDER_IDS as readonly string[]).includes(value);
}

export interface Capabilities {
  readonly chat: boolean;
  readonly streaming: boolean;
  readonly tools: boolean;
  readonly vision: boolean;
  readonly embeddings: boolean;
  readonly rerank: boolean;
  readonly verify: boolean;
}

/** One string field of a credential's secret or config. */
export interface FieldSpec {
  readonly name: string;
  readonly description: string;
  readonly required: boolean;
  /** `url`: an absolute http(s) URL; `json`: a string holding a JSON object. */
  readonly format?: 'url' | 'json';
  readonly enum?: readonly string[];
  readonly maxLength?: number;
}

export interface ProviderSpec {
  readonly id: ProviderId;
  readonly displayName: string;
  readonly capabilities: Capabilities;
  /** Sealed at rest; never returned. */
  readonly secretFields: readonly FieldSpec[];
  /** Stored in clear (endpoint, region, deployment...); never holds secret material. */
  readonly configFields: readonly FieldSpec[];
  /**
   * The main secret field: its last characters make the masked hint shown to users, and a bare
   * string given as the secret fills it (an API key).
   */
  readonly hintField: string;
  /** Overrides the hint when the main field's tail says nothing (a JSON key file). Pure. */
  readonly hint?: (secret: SecretPayload) => string;
}

/** A credential's secret as the adapters use it: field name to value. */
export type SecretPayload = Readonly<Record<string, string>>;
/** A credential's non-secret settings. */
export type CredentialConfig = Readonly<Record<string, string>>;

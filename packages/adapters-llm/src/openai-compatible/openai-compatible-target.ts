/** Where one call goes, worked out from the credential: URL, auth headers, the model to name. */
export interface OpenAICompatibleTarget {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  /** The request's model, or a deployment the credential fixes (Azure). */
  readonly model: string;
}

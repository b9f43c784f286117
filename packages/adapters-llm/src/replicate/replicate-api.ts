/**
 * Replicate HTTP API wire types (https://replicate.com/docs/reference/http), only the parts the
 * adapter reads or sends. Answers are parsed defensively: every field may be missing.
 */

/** `starting` and `processing` are still running; the others are final. `aborted`: a Cancel-After deadline passed before it started. */
export type ReplicatePredictionStatus =
  'starting' | 'processing' | 'succeeded' | 'failed' | 'canceled' | 'aborted';

export const TERMINAL_STATUSES: ReadonlySet<string> = new Set(['succeeded', 'failed', 'canceled', 'aborted']);

/** What a language model's prediction reports after it ran (official models report token counts). */
export interface ReplicateMetrics {
  readonly input_token_count?: number;
  readonly output_token_count?: number;
  /** Seconds of compute; not a usage figure we carry. */
  readonly predict_time?: number;
}

export interface ReplicatePredictionUrls {
  readonly get?: string;
  readonly cancel?: string;
  /** Present when the prediction was created with `stream: true` and the model can stream. */
  readonly stream?: string;
}

/** A prediction as `POST /predictions`, `POST /models/{owner}/{name}/predictions` and `GET /predictions/{id}` return it. */
export interface ReplicatePrediction {
  readonly id: string;
  readonly status: string;
  readonly model?: string;
  readonly version?: string;
  /** Language models: an array of text pieces (tokens), sometimes one string. */
  readonly output?: unknown;
  /** Why a `failed` prediction failed. */
  readonly error?: unknown;
  readonly metrics?: ReplicateMetrics;
  readonly urls?: ReplicatePredictionUrls;
}

/** The body of a prediction creation: `version` only on `POST /predictions`. */
export interface ReplicateCreatePredictionBody {
  readonly version?: string;
  readonly input: Readonly<Record<string, unknown>>;
  readonly stream?: boolean;
}

/** One server-sent event of a prediction's `urls.stream`. */
export interface ReplicateStreamEvent {
  /** `output` (data: a text piece), `error` (data: JSON `{detail}`), `done` (data: JSON, maybe `{reason}`); `logs` and others are ignored. */
  readonly event: string;
  readonly data: string;
}

/** Replicate's error bodies are problem details (RFC 7807). */
export interface ReplicateProblemDetails {
  readonly detail?: unknown;
  readonly title?: unknown;
  readonly status?: unknown;
  /** 422 answers list the input fields that failed validation. */
  readonly invalid_fields?: unknown;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

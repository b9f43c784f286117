import { STATUS_CODES, type IncomingHttpHeaders } from 'node:http';
import { ProviderError, type ProviderFailureKind } from '@integration-api/core';
import { providerErrorMessage } from '../http/provider-error-message.js';
import { scrubSecrets } from '../http/scrub-secrets.js';
import { parseRetryAfter } from '../http/upstream-failure.js';
import { isRecord, type ReplicatePrediction } from './replicate-api.js';

const PROVIDER = 'replicate';

export interface ReplicateHttpErrorInput {
  readonly status: number;
  readonly headers?: IncomingHttpHeaders;
  /** The (bounded) response body: problem details `{title, detail, status}`, or a proxy's text. */
  readonly bodyText: string;
  /** The credential's secret values; they never reach the message. */
  readonly secrets: Iterable<string>;
}

/**
 * A non-2xx Replicate answer as a ProviderError. 402 (no credit or billing set up) is the
 * account's standing, like 403; 422 (the input failed the model's schema) and 404 (unknown
 * model or version) are the request's fault; 429 carries the wait Replicate asks for.
 */
export function replicateHttpError(input: ReplicateHttpErrorInput): ProviderError {
  const { status, headers } = input;
  const message = scrubSecrets(problemMessage(input.bodyText) ?? statusLine(status), input.secrets);
  const kind = replicateFailureKind(status);
  const retryAfterSeconds = kind === 'rate_limited' && headers ? parseRetryAfter(headers) : undefined;
  return new ProviderError(kind, PROVIDER, message || statusLine(status), {
    status,
    ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
  });
}

export function replicateFailureKind(status: number): ProviderFailureKind {
  switch (status) {
    case 401:
      return 'auth_failed';
    case 402:
    case 403:
      return 'permission_denied';
    case 408:
      return 'timeout';
    case 429:
      return 'rate_limited';
  }
  if (status >= 400 && status < 500) return 'invalid_request';
  return 'unavailable';
}

/**
 * A prediction that ended without succeeding: `failed` carries the model's error, `canceled`
 * and `aborted` (a deadline passed before it started) were stopped. When the caller's abort made
 * the adapter cancel it, the core reports a cancellation instead.
 */
export function replicatePredictionError(
  prediction: Pick<ReplicatePrediction, 'status' | 'error'>,
  secrets: readonly string[],
): ProviderError {
  switch (prediction.status) {
    case 'failed':
      return new ProviderError(
        'error',
        PROVIDER,
        scrub(errorText(prediction.error), 'the prediction failed', secrets),
      );
    case 'canceled':
      return new ProviderError('error', PROVIDER, 'the prediction was canceled');
    case 'aborted':
      return new ProviderError('error', PROVIDER, 'the prediction was aborted before it started');
    default:
      return new ProviderError('error', PROVIDER, `the prediction ended with status ${prediction.status}`);
  }
}

/** The `error` event of a prediction's stream: its data is JSON `{detail}` (plain text is taken as is). */
export function replicateStreamError(data: string, secrets: readonly string[]): ProviderError {
  let detail: string | undefined;
  try {
    const parsed: unknown = JSON.parse(data);
    detail = isRecord(parsed)
      ? errorText(parsed.detail ?? parsed.error ?? parsed.message)
      : errorText(parsed);
  } catch {
    detail = data.trim() || undefined;
  }
  return new ProviderError('error', PROVIDER, scrub(detail, 'the prediction failed', secrets));
}

/** `detail` (or `title`) of a problem-details body, with the fields a 422 names as invalid. */
function problemMessage(bodyText: string): string | undefined {
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch {
    return providerErrorMessage(bodyText);
  }
  if (!isRecord(body)) return providerErrorMessage(bodyText);
  const main =
    (typeof body.detail === 'string' && body.detail.trim()) ||
    (typeof body.title === 'string' && body.title.trim()) ||
    providerErrorMessage(bodyText);
  // Replicate's detail usually lists the fields already; add only those it does not mention.
  const fields = invalidFields(body.invalid_fields)
    .filter((field) => !main || !main.includes(field.description))
    .map((field) => field.text);
  if (fields.length === 0) return main || undefined;
  return main ? `${main} (${fields.join('; ')})` : fields.join('; ');
}

function invalidFields(value: unknown): { readonly text: string; readonly description: string }[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    if (!isRecord(item) || typeof item.description !== 'string' || !item.description) return [];
    const { description } = item;
    return [
      { description, text: typeof item.field === 'string' ? `${item.field}: ${description}` : description },
    ];
  });
}

function errorText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (value === undefined || value === null) return undefined;
  if (isRecord(value)) return errorText(value.detail ?? value.message) ?? JSON.stringify(value);
  return JSON.stringify(value);
}

function scrub(text: string | undefined, fallback: string, secrets: readonly string[]): string {
  return (text && scrubSecrets(text, secrets)) || fallback;
}

function statusLine(status: number): string {
  return `the provider answered ${status} ${STATUS_CODES[status] ?? ''}`.trim();
}

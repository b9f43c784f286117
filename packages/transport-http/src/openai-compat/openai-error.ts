import { ProviderError } from '@integration-api/core';
import { toHttpError } from '../errors/http-error.js';
import { openAiParam } from './openai-param.js';

/** OpenAI's error body, which its SDKs read (`error.message`, and the status for the error class). */
export interface OpenAiErrorBody {
  readonly error: {
    readonly message: string;
    readonly type: string;
    readonly param: string | null;
    readonly code: string | null;
  };
}

export interface OpenAiErrorResponse {
  readonly statusCode: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: OpenAiErrorBody;
  /** A fault rather than a refusal: log it in full; the body stays generic. */
  readonly unexpected: boolean;
}

/** Codes OpenAI's clients know, where ours means the same. */
const OPENAI_CODES: Readonly<Record<string, string>> = {
  unauthenticated: 'invalid_api_key',
  not_found: 'model_not_found',
  provider_rate_limited: 'rate_limit_exceeded',
};

/** Which request field a capability refusal is about. */
const CAPABILITY_PARAMS: Readonly<Record<string, string>> = { tools: 'tools', vision: 'messages' };

/**
 * Any failure of an OpenAI-compatible route in OpenAI's shape. Status, headers (Retry-After,
 * WWW-Authenticate) and which messages may be shown are decided once, by `toHttpError`; this only
 * rewrites the body, naming fields by OpenAI's names.
 */
export function toOpenAiError(
  error: unknown,
  options: { bodyLimitBytes?: number } = {},
): OpenAiErrorResponse {
  const http = toHttpError(error, options);
  const { code, message, details } = http.body.error;
  let statusCode = http.statusCode;
  let param = paramOf(code, details);

  // The provider did not find what was asked for: for OpenAI clients that is the model.
  if (error instanceof ProviderError && error.kind === 'invalid_request' && details.status === 404) {
    statusCode = 404;
    param = 'model';
  }
  const openAiCode = statusCode === 404 ? 'model_not_found' : (OPENAI_CODES[code] ?? code);

  return {
    statusCode,
    headers: http.headers,
    body: {
      error: {
        message: renameFieldInMessage(message, details.field, param),
        type: typeOf(statusCode, code.startsWith('provider_')),
        param,
        code: openAiCode,
      },
    },
    unexpected: http.unexpected,
  };
}

function paramOf(code: string, details: Readonly<Record<string, unknown>>): string | null {
  if (typeof details.field === 'string' && details.field !== '') return openAiParam(details.field);
  if (code === 'not_found') return 'model';
  if (code === 'capability_unsupported') {
    return CAPABILITY_PARAMS[String(details.capability)] ?? 'model';
  }
  return null;
}

/** Domain and schema messages start with the field (`topP: must be…`); say it as the client named it. */
function renameFieldInMessage(message: string, field: unknown, param: string | null): string {
  if (typeof field !== 'string' || field === '' || param === null) return message;
  const prefix = `${field}: `;
  return message.startsWith(prefix) ? `${param}: ${message.slice(prefix.length)}` : message;
}

function typeOf(statusCode: number, upstream: boolean): string {
  if (statusCode === 401) return 'authentication_error';
  if (statusCode === 403) return 'permission_error';
  if (statusCode === 429) return 'rate_limit_error';
  if (statusCode >= 500) return upstream ? 'upstream_error' : 'server_error';
  return 'invalid_request_error';
}

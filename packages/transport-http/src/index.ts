export {
  buildHttpApp,
  DEFAULT_BODY_LIMIT_BYTES,
  DEFAULT_INFERENCE_BODY_LIMIT_BYTES,
  type HttpAppDeps,
} from './build-http-app.js';
export {
  errorBody,
  toHttpError,
  STATUS_BY_CODE,
  type ErrorBody,
  type HttpErrorCode,
  type HttpErrorResponse,
} from './errors/http-error.js';
export { principalOf } from './auth/authentication.js';
export { openAiCompat, type OpenAiCompatOptions } from './openai-compat/openai-compat.js';
export {
  toOpenAiError,
  type OpenAiErrorBody,
  type OpenAiErrorResponse,
} from './openai-compat/openai-error.js';
export { OVERHEAD_HEADER } from './openai-compat/overhead.js';

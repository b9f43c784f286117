export { buildHttpApp, DEFAULT_BODY_LIMIT_BYTES, type HttpAppDeps } from './build-http-app.js';
export {
  errorBody,
  toHttpError,
  STATUS_BY_CODE,
  type ErrorBody,
  type HttpErrorCode,
  type HttpErrorResponse,
} from './errors/http-error.js';
export { principalOf } from './auth/authentication.js';

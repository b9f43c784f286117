import {
  DomainError,
  ProviderUnavailableError,
  type ProviderId,
  type SecretPayload,
  type VerifyOutcome,
  type VerifyRequest,
} from '@integration-api/core';
import { providerErrorOf } from './provider-error.js';
import { discardBody, readBodyText } from './read-body.js';
import type { UpstreamClients, UpstreamRequest } from './upstream-clients.js';
import {
  classifyHttpFailure,
  classifyTransportError,
  type HttpFailureInput,
  type UpstreamFailure,
} from './upstream-failure.js';

export interface VerifyByRequestOptions {
  readonly provider: ProviderId;
  readonly clients: UpstreamClients;
  /** A cheap authenticated call (list models) whose status tells whether the credential works. */
  readonly request: UpstreamRequest;
  /**
   * The credential being checked, or every value to scrub when there are more (an access token
   * derived from it); its values are scrubbed from provider messages.
   */
  readonly secret: SecretPayload | readonly string[];
  /**
   * Reads a non-2xx answer in the provider's terms (Google's 400 API_KEY_INVALID is an invalid
   * credential); by default the shared classifyHttpFailure.
   */
  readonly classify?: (input: HttpFailureInput) => UpstreamFailure;
  /**
   * For a check whose 2xx answer carries the verdict (Cohere's `{valid}`): reads the (bounded) body
   * and lets this decide. By default any 2xx accepts and the body is not read.
   */
  readonly outcomeOfAnswer?: (bodyText: string) => VerifyOutcome;
}

/**
 * Verifies a credential by one authenticated request: 2xx is accepted, 401/403 are the provider's
 * refusal, a rate limit throws the provider's rate-limit error, anything else decided nothing and
 * throws ProviderUnavailableError. When the caller's signal aborts, its reason is thrown as is.
 */
export async function verifyByRequest(options: VerifyByRequestOptions): Promise<VerifyOutcome> {
  const { provider, clients, request, secret, classify = classifyHttpFailure, outcomeOfAnswer } = options;
  let answer: string;
  try {
    const response = await clients.request(request);
    const accepted = response.statusCode >= 200 && response.statusCode < 300;
    if (accepted && !outcomeOfAnswer) {
      await discardBody(response.body);
      return { ok: true };
    }
    const bodyText = await readBodyText(response.body);
    if (!accepted) {
      const failure = classify({
        status: response.statusCode,
        headers: response.headers,
        bodyText,
        secrets: Object.values(secret),
      });
      return verifyOutcomeFor(provider, failure);
    }
    answer = bodyText;
  } catch (error) {
    if (request.signal?.aborted) throw request.signal.reason ?? error;
    // Already decided above (verifyOutcomeFor): thrown as it is.
    if (error instanceof DomainError) throw error;
    throw verifyOutcomeError(provider, classifyTransportError(error));
  }
  // The answer was read whole: what it says is no transport failure.
  return outcomeOfAnswer!(answer);
}

/** Where a verifier's check goes; JSON is accepted, and a body, when there is one, is sent as JSON. */
export interface VerifyCall {
  /** GET by default, POST when there is a body. */
  readonly method?: 'GET' | 'POST';
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: unknown;
}

/** A provider's verifier: who it is, its clients, and how long its check may wait. */
export interface VerifyCaller extends Pick<VerifyByRequestOptions, 'classify' | 'outcomeOfAnswer'> {
  readonly provider: ProviderId;
  readonly clients: UpstreamClients;
  /** Bounds the wait for headers and each body chunk of the check. */
  readonly timeoutMs: number;
}

/**
 * verifyByRequest for a VerifyRequest: sends `call` with the request's signal, scrubs the
 * request's secret, and bounds the wait by the caller's timeout.
 */
export function verifyByCall(
  caller: VerifyCaller,
  request: VerifyRequest,
  call: VerifyCall,
): Promise<VerifyOutcome> {
  const { provider, clients, timeoutMs, classify, outcomeOfAnswer } = caller;
  const body = call.body === undefined ? undefined : JSON.stringify(call.body);
  return verifyByRequest({
    provider,
    clients,
    secret: request.secret,
    ...(classify ? { classify } : {}),
    ...(outcomeOfAnswer ? { outcomeOfAnswer } : {}),
    request: {
      method: call.method ?? (body === undefined ? 'GET' : 'POST'),
      url: call.url,
      headers: {
        ...call.headers,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        accept: 'application/json',
      },
      ...(body === undefined ? {} : { body }),
      signal: request.signal,
      headersTimeoutMs: timeoutMs,
      bodyTimeoutMs: timeoutMs,
    },
  });
}

/**
 * A refusal of the credential becomes an outcome. A rate limit throws the provider's rate-limit
 * error with its wait (the caller should retry later: 429 with Retry-After, RESOURCE_EXHAUSTED);
 * anything else throws ProviderUnavailableError: nothing was decided.
 */
export function verifyOutcomeFor(provider: ProviderId, failure: UpstreamFailure): VerifyOutcome {
  if (failure.kind === 'invalid_credential' || failure.kind === 'permission_denied') {
    return { ok: false, reason: failure.kind, message: failure.message };
  }
  throw verifyOutcomeError(provider, failure);
}

function verifyOutcomeError(provider: ProviderId, failure: UpstreamFailure): DomainError {
  switch (failure.kind) {
    case 'rate_limited':
      return providerErrorOf(provider, failure);
    case 'rejected':
      return new ProviderUnavailableError(
        provider,
        `the verification request was refused with status ${failure.status}: ${failure.message}`,
      );
    default:
      return new ProviderUnavailableError(provider, failure.message);
  }
}

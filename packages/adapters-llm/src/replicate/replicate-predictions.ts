import type { CredentialConfig, SecretPayload } from '@integration-api/core';
import { discardBody } from '../http/read-body.js';
import {
  readJsonResponse,
  sendProviderRequest,
  type ProviderContext,
} from '../http/send-provider-request.js';
import type { UpstreamClients, UpstreamResponse } from '../http/upstream-clients.js';
import { joinUrl } from '../http/url.js';
import type { ReplicatePrediction } from './replicate-api.js';
import type { ReplicatePredictionRequest } from './build-replicate-request.js';
import { parseReplicatePrediction } from './parse-replicate-prediction.js';
import { replicateHttpError } from './replicate-error.js';
import { replicateBaseUrl, replicateHeaders } from './replicate-request-config.js';
import { replicateStreamUrl } from './replicate-stream-url.js';

export interface ReplicatePredictionsDeps {
  readonly clients: UpstreamClients;
  /** Bounds the cancel request, which runs after the caller's signal may have aborted. */
  readonly timeoutMs: number;
}

/**
 * The prediction endpoints of one call, with its credential: create, read, cancel, and open the
 * output stream. Reads and cancels go to `{baseUrl}/predictions/{id}` rather than the URLs the
 * answer names, so the token only goes where the credential points (the stream is the exception,
 * see replicateStreamUrl).
 */
export class ReplicatePredictions {
  private readonly baseUrl: string;
  private readonly auth: Record<string, string>;
  /** replicateHttpError reads problem details (the invalid fields of a 422) and knows 402. */
  private readonly context: ProviderContext;

  constructor(
    private readonly deps: ReplicatePredictionsDeps,
    secret: SecretPayload,
    config: CredentialConfig,
  ) {
    this.baseUrl = replicateBaseUrl(config);
    this.auth = replicateHeaders(secret);
    this.context = { provider: 'replicate', clients: deps.clients, secret, errorOf: replicateHttpError };
  }

  /** Creates the prediction; with `waitSeconds`, Replicate holds the answer until it finished or that time passed. */
  async create(
    request: ReplicatePredictionRequest,
    options: { readonly signal: AbortSignal; readonly waitSeconds?: number },
  ): Promise<ReplicatePrediction> {
    const response = await sendProviderRequest(this.context, {
      method: 'POST',
      url: joinUrl(this.baseUrl, request.path),
      headers: {
        ...this.auth,
        'content-type': 'application/json',
        accept: 'application/json',
        ...(options.waitSeconds !== undefined ? { prefer: `wait=${options.waitSeconds}` } : {}),
      },
      body: JSON.stringify(request.body),
      signal: options.signal,
    });
    return this.read(response, options.signal);
  }

  async get(id: string, signal: AbortSignal): Promise<ReplicatePrediction> {
    const response = await sendProviderRequest(this.context, {
      method: 'GET',
      url: this.predictionUrl(id),
      headers: { ...this.auth, accept: 'application/json' },
      signal,
    });
    return this.read(response, signal);
  }

  /**
   * Asks Replicate to stop the prediction, so an answer nobody will read stops costing. Best
   * effort: it never throws, and is bounded by its own timeout since the caller's signal may be
   * the reason it runs.
   */
  async cancel(id: string): Promise<void> {
    try {
      const response = await this.deps.clients.request({
        method: 'POST',
        url: `${this.predictionUrl(id)}/cancel`,
        headers: { ...this.auth, accept: 'application/json' },
        signal: AbortSignal.timeout(this.deps.timeoutMs),
        headersTimeoutMs: this.deps.timeoutMs,
        bodyTimeoutMs: this.deps.timeoutMs,
      });
      await discardBody(response.body);
    } catch {
      // Nothing more can be done; the prediction ends on its own.
    }
  }

  /** Opens the server-sent events of `urls.stream`; a non-2xx answer is thrown as Replicate's error. */
  openStream(streamUrl: string, signal: AbortSignal): Promise<UpstreamResponse> {
    return sendProviderRequest(this.context, {
      method: 'GET',
      url: replicateStreamUrl(streamUrl, this.baseUrl),
      headers: { ...this.auth, accept: 'text/event-stream', 'cache-control': 'no-store' },
      signal,
    });
  }

  private predictionUrl(id: string): string {
    return joinUrl(this.baseUrl, `predictions/${encodeURIComponent(id)}`);
  }

  private async read(response: UpstreamResponse, signal: AbortSignal): Promise<ReplicatePrediction> {
    return parseReplicatePrediction(await readJsonResponse('replicate', response, signal));
  }
}

import {
  ProviderError,
  ProviderUnavailableError,
  type ChatRequest,
  type ChatStreamEvent,
  type EmbedRequest,
  type ProviderAdapter,
  type ProviderCall,
  type ProviderChatResult,
  type ProviderEmbedResult,
  type VerifyOutcome,
  type VerifyRequest,
} from '@integration-api/core';
import { mapWithConcurrency } from '../http/map-with-concurrency.js';
import { messageWithoutProvider } from '../http/provider-error.js';
import type { UpstreamClients } from '../http/upstream-clients.js';
import { verifyByRequest } from '../http/verify-by-request.js';
import {
  googleChat,
  googleStreamChat,
  postJsonToGoogle,
  type GoogleCallContext,
  type GoogleTarget,
} from '../google-shared/send-google-request.js';
import { classifyGoogleFailure } from '../google-shared/google-error.js';
import { buildVertexEmbedRequests } from './build-vertex-embed-requests.js';
import { GoogleVertexAccessTokens } from './google-vertex-access-token.js';
import { createUpstreamFetchToken } from './google-vertex-fetch-token.js';
import {
  vertexHeaders,
  vertexLocationUrl,
  vertexModelUrl,
  vertexTarget,
  type VertexModelMethod,
} from './google-vertex-config.js';
import { googleVertexSpec } from './google-vertex-spec.js';
import { parseServiceAccountKey } from './parse-service-account-key.js';
import { parseVertexEmbedResponse } from './parse-vertex-embed-response.js';

const PROVIDER = 'google-vertex';
/** Embedding calls in flight at once for one request (gemini-embedding takes one input per call). */
const EMBED_CONCURRENCY = 4;

export interface GoogleVertexAdapterDeps {
  readonly clients: UpstreamClients;
  /** Bounds a verification's and a token exchange's wait for headers and between body chunks. */
  readonly timeoutMs: number;
  /** The token cache; by default one of this adapter's own, exchanging through `clients`. */
  readonly accessTokens?: GoogleVertexAccessTokens;
}

/**
 * The Vertex AI adapter: verification, chat, streamed chat and embeddings with a service
 * account key. Each call gets an access token (cached, see GoogleVertexAccessTokens) and sends
 * it as a bearer token; the request and answer formats are the Gemini API's (google-shared).
 * A 401 from Vertex drops the cached token, so the next call exchanges the key again.
 */
export function createGoogleVertexAdapter(deps: GoogleVertexAdapterDeps): ProviderAdapter {
  const tokens =
    deps.accessTokens ??
    new GoogleVertexAccessTokens({ fetchToken: createUpstreamFetchToken(deps.clients, deps.timeoutMs) });
  const vertex = new VertexCalls(deps.clients, tokens);
  return {
    spec: googleVertexSpec,
    verify: (request) => vertex.verify(request, deps.timeoutMs),
    chat: (call) => vertex.chat(call),
    streamChat: (call) => vertex.streamChat(call),
    embed: (call) => vertex.embed(call),
  };
}

class VertexCalls {
  constructor(
    private readonly clients: UpstreamClients,
    private readonly tokens: GoogleVertexAccessTokens,
  ) {}

  async chat(call: ProviderCall<ChatRequest>): Promise<ProviderChatResult> {
    const { context, target } = await this.prepare(call, 'generateContent');
    return this.forgettingRefusedTokens(call, () => googleChat(context, target, call.request));
  }

  async *streamChat(call: ProviderCall<ChatRequest>): AsyncGenerator<ChatStreamEvent> {
    const { context, target } = await this.prepare(call, 'streamGenerateContent');
    try {
      yield* googleStreamChat(context, target, call.request);
    } catch (error) {
      throw this.forget(call, error);
    }
  }

  /** `:predict` per batch (see buildVertexEmbedRequests), a few at a time, vectors in input order. */
  async embed(call: ProviderCall<EmbedRequest>): Promise<ProviderEmbedResult> {
    const { context, target } = await this.prepare(call, 'predict');
    const bodies = buildVertexEmbedRequests(call.request);
    const answers = await this.forgettingRefusedTokens(call, () =>
      mapWithConcurrency(bodies, EMBED_CONCURRENCY, async (body) =>
        parseVertexEmbedResponse(
          PROVIDER,
          await postJsonToGoogle(context, target, body),
          body.instances.length,
        ),
      ),
    );
    const counted = answers.filter((a) => a.inputTokens !== undefined);
    return {
      embeddings: answers.flatMap((a) => a.embeddings),
      usage: counted.length > 0 ? { inputTokens: counted.reduce((sum, a) => sum + a.inputTokens!, 0) } : {},
      model: call.request.model,
    };
  }

  /**
   * Exchanges the key for a fresh token (a refused key reads as an invalid credential), then reads
   * `GET …/projects/{p}/locations/{l}` with it: that checks the project, the location and the
   * service account's access.
   */
  async verify(request: VerifyRequest, timeoutMs: number): Promise<VerifyOutcome> {
    const target = vertexTarget(request.config);
    const tokenRequest = {
      serviceAccountJson: request.secret.serviceAccountJson,
      ...(request.config.tokenUrl ? { tokenUrl: request.config.tokenUrl } : {}),
    };
    this.tokens.invalidate(tokenRequest);
    let accessToken: string;
    try {
      accessToken = await this.tokens.getToken({
        ...tokenRequest,
        ...(request.signal ? { signal: request.signal } : {}),
      });
    } catch (error) {
      if (request.signal?.aborted) throw request.signal.reason ?? error;
      if (!(error instanceof ProviderError)) throw error;
      const message = messageWithoutProvider(error, PROVIDER);
      if (error.kind === 'auth_failed') return { ok: false, reason: 'invalid_credential', message };
      if (error.kind === 'permission_denied') return { ok: false, reason: 'permission_denied', message };
      throw new ProviderUnavailableError(PROVIDER, message);
    }
    return verifyByRequest({
      provider: PROVIDER,
      clients: this.clients,
      secret: [...secretsOf(request.secret), accessToken],
      classify: classifyGoogleFailure,
      request: {
        method: 'GET',
        url: vertexLocationUrl(target),
        headers: { ...vertexHeaders(accessToken), accept: 'application/json' },
        signal: request.signal,
        headersTimeoutMs: timeoutMs,
        bodyTimeoutMs: timeoutMs,
      },
    });
  }

  private async prepare<R extends { readonly model: string }>(
    call: ProviderCall<R>,
    method: VertexModelMethod,
  ): Promise<{ context: GoogleCallContext; target: GoogleTarget }> {
    const url = vertexModelUrl(vertexTarget(call.config), call.request.model, method);
    const accessToken = await this.tokens.getToken({
      serviceAccountJson: call.secret.serviceAccountJson,
      ...(call.config.tokenUrl ? { tokenUrl: call.config.tokenUrl } : {}),
      signal: call.signal,
    });
    return {
      context: {
        provider: PROVIDER,
        clients: this.clients,
        secrets: [...secretsOf(call.secret), accessToken],
        signal: call.signal,
      },
      target: { url, headers: vertexHeaders(accessToken) },
    };
  }

  private async forgettingRefusedTokens<T>(call: ProviderCall<unknown>, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw this.forget(call, error);
    }
  }

  /** A token Vertex refused (revoked before it expired) is not handed out again. */
  private forget(call: ProviderCall<unknown>, error: unknown): unknown {
    if (error instanceof ProviderError && error.kind === 'auth_failed') {
      this.tokens.invalidate({
        serviceAccountJson: call.secret.serviceAccountJson,
        ...(call.config.tokenUrl ? { tokenUrl: call.config.tokenUrl } : {}),
      });
    }
    return error;
  }
}

/** The secret's values plus the key's private key on its own, for scrubbing messages. */
function secretsOf(secret: Readonly<Record<string, string>>): string[] {
  const values = Object.values(secret);
  try {
    values.push(parseServiceAccountKey(secret.serviceAccountJson).privateKey);
  } catch {
    // An unreadable key fails where it is used; here it only has nothing more to scrub.
  }
  return values;
}

import type { OutgoingHttpHeaders } from 'node:http';
import type {
  CredentialConfig,
  ProviderAdapter,
  ProviderFailureKind,
  ProviderId,
  ProviderRerankResult,
  SecretPayload,
  Usage,
} from '@integration-api/core';
import type { UpstreamClients } from '../../http/upstream-clients.js';
import type { MockHandler, MockProviderServer } from '../mock-provider-server.js';

/** The upstream request an adapter must send for a case. */
export interface ExpectedRequest {
  readonly method: string;
  /** The path without the query string. */
  readonly path: string;
  /** The whole query, compared exactly (`{}` for none). Default: not checked. */
  readonly query?: Readonly<Record<string, string>>;
  /**
   * Headers that must be present with these values (names in lower case): auth, versions. A
   * value may be an asymmetric matcher (`expect.stringMatching(...)`) for a signature.
   */
  readonly headers?: Readonly<Record<string, string>>;
  /** Header names that must be absent. */
  readonly absentHeaders?: readonly string[];
  /** The whole JSON body, compared exactly. */
  readonly body?: unknown;
  /** Parts of the JSON body, matched as a subset. */
  readonly bodyIncludes?: Readonly<Record<string, unknown>>;
}

/** One request of an operation: the mock's answer in the provider's format, and the request to expect. */
export interface ContractExchange {
  readonly reply: MockHandler;
  readonly expect: ExpectedRequest;
}

/**
 * One scripted operation. Most take one exchange, answered at the operation's route; `then` lists
 * the requests that follow it, in order, each answered at its own expected method and path (a
 * Replicate stream is read from the URL the first answer names, then the finished prediction
 * for its usage). The suite checks that exactly these requests were sent, in this order.
 */
export interface ContractCase extends ContractExchange {
  readonly then?: readonly ContractExchange[];
}

export interface ContractRoute {
  readonly method: string;
  readonly path: string;
}

/**
 * A streamed answer that fails or stalls. It is answered at `routes.stream` unless the provider
 * reads its stream from a second request: then `lead` scripts the requests before it and `at`
 * says where this answer goes.
 */
export interface FailingStream {
  readonly reply: MockHandler;
  readonly lead?: readonly ContractExchange[];
  readonly at?: ContractRoute;
}

export type RerankUsage = ProviderRerankResult['usage'];

/**
 * The models the suite names and expects. Each defaults to the canonical one of contract-data.ts;
 * a fixture changes one only where the provider honestly differs.
 */
export interface ContractModels {
  /** The model of chat requests (default CONTRACT_MODEL); Replicate routes by `owner/name`. */
  readonly chat?: string;
  /**
   * The model chat results report (default CONTRACT_ANSWER_MODEL). A provider whose answers do not
   * name the model reports the one asked for.
   */
  readonly answer?: string;
  /** The model of embedding requests (default CONTRACT_EMBEDDING_MODEL); Bedrock routes by family. */
  readonly embedding?: string;
  /** The model of rerank requests (default CONTRACT_RERANK_MODEL). */
  readonly rerank?: string;
}

/**
 * Everything the adapter contract needs to know about one provider; nothing in it is specific to
 * a wire format, so every adapter (OpenAI-compatible, Anthropic, Gemini, Bedrock...) can supply
 * one. Answers must carry the canonical values of contract-data.ts.
 *
 * The cases are optional in the type but not in the suite: the cases of each capability the
 * adapter's spec declares are required (a missing one fails the suite), and a case for a
 * capability the spec does not declare fails it too, so no case is silently left out.
 */
export interface AdapterContractFixture {
  /** Shown in the suite's name, e.g. `Azure OpenAI (v1 API)`. */
  readonly name: string;
  readonly provider: ProviderId;
  createAdapter(clients: UpstreamClients): ProviderAdapter;
  /** A credential whose endpoints point at the mock. Its secret values must never reach an error. */
  credential(mock: MockProviderServer): { secret: SecretPayload; config: CredentialConfig };
  readonly models?: ContractModels;
  /**
   * Where the adapter sends each operation; error, timeout and cancellation cases script these.
   * `chat` is required with the chat capability, `stream` with streaming, `embed` with
   * embeddings, `rerank` with rerank.
   */
  readonly routes: {
    readonly chat?: ContractRoute;
    readonly stream?: ContractRoute;
    readonly embed?: ContractRoute;
    readonly rerank?: ContractRoute;
  };
  /** The provider's error answer for an HTTP status. */
  errorReply(status: number, message: string, headers?: OutgoingHttpHeaders): MockHandler;
  readonly cases: {
    // ---- chat ----
    /** CONTRACT_TEXT_REQUEST, not streamed: answers CONTRACT_TEXT with CONTRACT_USAGE. */
    readonly text?: ContractCase;
    /** CONTRACT_USAGE_REQUEST, not streamed: CONTRACT_DETAILED_USAGE, of which the provider reports `fields`. */
    readonly usage?: ContractCase & { readonly fields: readonly (keyof Usage)[] };
    // ---- streaming ----
    /** CONTRACT_TEXT_REQUEST, streamed: CONTRACT_TEXT_PIECES, usage in the stream, then the end marker. */
    readonly streamText?: ContractCase;
    /** A streamed answer: the first text piece, then an error in the provider's mid-stream form. */
    readonly midStreamError?: FailingStream & { readonly kind?: ProviderFailureKind };
    /** A streamed answer cut before the provider's end marker. */
    readonly truncatedStream?: FailingStream;
    /** A streamed answer: the first text piece, then silence with the connection open. */
    readonly stalledStream?: FailingStream;
    // ---- tools ----
    /** CONTRACT_TOOL_REQUEST, not streamed: answers CONTRACT_TOOL_CALL. */
    readonly toolCall?: ContractCase;
    /**
     * CONTRACT_PARALLEL_REQUEST, streamed: CONTRACT_PARALLEL_TOOL_CALLS, arguments in fragments
     * where the provider streams them. Required with tools and streaming.
     */
    readonly parallelToolCalls?: ContractCase;
    /** CONTRACT_TOOL_RESULTS_REQUEST, not streamed: answers CONTRACT_TOOL_RESULTS_TEXT. */
    readonly toolResults?: ContractCase;
    // ---- vision ----
    /**
     * CONTRACT_VISION_REQUEST (an image by URL and one inline), not streamed: answers
     * CONTRACT_VISION_TEXT. A provider that cannot fetch URLs (Bedrock) says `images: 'inline'`
     * and gets CONTRACT_INLINE_VISION_REQUEST (a data: URL and base64 data) instead.
     */
    readonly vision?: ContractCase & { readonly images?: 'url-and-inline' | 'inline' };
    // ---- embeddings ----
    /** CONTRACT_EMBED_REQUEST (with models.embedding): CONTRACT_EMBEDDINGS. */
    readonly embeddings?: ContractCase;
    // ---- rerank ----
    /**
     * CONTRACT_RERANK_REQUEST (with models.rerank): CONTRACT_RERANK_RESULTS, and of
     * CONTRACT_RERANK_USAGE the fields the provider reports (none for some).
     */
    readonly rerank?: ContractCase & { readonly usageFields: readonly (keyof RerankUsage)[] };
    // ---- verify ----
    /**
     * Verification: `ok` accepts the credential; `refused` is the provider's refusal of it (a 401,
     * or a 200 saying so). The suite adds an unreachable provider and a server error at the same route.
     */
    readonly verify?: { readonly ok: ContractCase; readonly refused: { readonly reply: MockHandler } };
  };
}

/** The former name, from when the suite covered chat only. */
export type ChatContractFixture = AdapterContractFixture;

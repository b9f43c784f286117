import type { OutgoingHttpHeaders } from 'node:http';
import type {
  CredentialConfig,
  ProviderAdapter,
  ProviderFailureKind,
  ProviderId,
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
  /** Headers that must be present with these values (names in lower case): auth, versions. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Header names that must be absent. */
  readonly absentHeaders?: readonly string[];
  /** The whole JSON body, compared exactly. */
  readonly body?: unknown;
  /** Parts of the JSON body, matched as a subset. */
  readonly bodyIncludes?: Readonly<Record<string, unknown>>;
}

/** One scripted exchange: the mock's answer in the provider's format, and the request to expect. */
export interface ContractCase {
  readonly reply: MockHandler;
  readonly expect: ExpectedRequest;
}

export interface ContractRoute {
  readonly method: string;
  readonly path: string;
}

/**
 * Everything the chat contract needs to know about one provider; nothing in it is specific to
 * a wire format, so every adapter (OpenAI-compatible, Anthropic, Gemini, Bedrock...) can supply
 * one. Answers must carry the canonical values of contract-data.ts.
 */
export interface ChatContractFixture {
  /** Shown in the suite's name, e.g. `Azure OpenAI (v1 API)`. */
  readonly name: string;
  readonly provider: ProviderId;
  createAdapter(clients: UpstreamClients): ProviderAdapter;
  /** A credential whose endpoints point at the mock. Its secret values must never reach an error. */
  credential(mock: MockProviderServer): { secret: SecretPayload; config: CredentialConfig };
  /** Where the adapter sends each operation; error, timeout and cancellation cases script these. */
  readonly routes: {
    readonly chat: ContractRoute;
    readonly stream: ContractRoute;
    readonly embed?: ContractRoute;
  };
  /** The provider's error answer for an HTTP status. */
  errorReply(status: number, message: string, headers?: OutgoingHttpHeaders): MockHandler;
  readonly cases: {
    /** CONTRACT_TEXT_REQUEST, not streamed: answers CONTRACT_TEXT with CONTRACT_USAGE. */
    readonly text: ContractCase;
    /** CONTRACT_TEXT_REQUEST, streamed: CONTRACT_TEXT_PIECES, usage in the stream, then the end marker. */
    readonly streamText: ContractCase;
    /** CONTRACT_TOOL_REQUEST, not streamed: answers CONTRACT_TOOL_CALL. */
    readonly toolCall: ContractCase;
    /** CONTRACT_PARALLEL_REQUEST, streamed: CONTRACT_PARALLEL_TOOL_CALLS, arguments in fragments where the provider streams them. */
    readonly parallelToolCalls: ContractCase;
    /** CONTRACT_TOOL_RESULTS_REQUEST, not streamed: answers CONTRACT_TOOL_RESULTS_TEXT. */
    readonly toolResults: ContractCase;
    /** CONTRACT_USAGE_REQUEST, not streamed: CONTRACT_DETAILED_USAGE, of which the provider reports `fields`. */
    readonly usage: ContractCase & { readonly fields: readonly (keyof Usage)[] };
    /** CONTRACT_VISION_REQUEST, not streamed: answers CONTRACT_VISION_TEXT. Only for providers claiming vision. */
    readonly vision?: ContractCase;
    /** A streamed answer: the first text piece, then an error in the provider's mid-stream form. */
    readonly midStreamError: { readonly reply: MockHandler; readonly kind?: ProviderFailureKind };
    /** A streamed answer cut before the provider's end marker. */
    readonly truncatedStream: { readonly reply: MockHandler };
    /** A streamed answer: the first text piece, then silence with the connection open. */
    readonly stalledStream: { readonly reply: MockHandler };
    /** CONTRACT_EMBED_REQUEST: CONTRACT_EMBEDDINGS. Only for providers claiming embeddings. */
    readonly embeddings?: ContractCase;
    /** Verification: `ok` accepts the credential; `refused` answers 401. Only for providers claiming verify. */
    readonly verify?: { readonly ok: ContractCase; readonly refused: { readonly reply: MockHandler } };
  };
}

import type {
  ChatRequest,
  EmbedRequest,
  ProviderAdapter,
  ProviderCall,
  ProviderEmbedResult,
  VerifyOutcome,
  VerifyRequest,
} from '@integration-api/core';
import type { UpstreamClients } from '../http/upstream-clients.js';
import { verifyByCall } from '../http/verify-by-request.js';
import {
  googleChat,
  googleStreamChat,
  postJsonToGoogle,
  type GoogleCallContext,
} from '../google-shared/send-google-request.js';
import { classifyGoogleFailure } from '../google-shared/google-error.js';
import { buildGeminiEmbedRequests } from './build-gemini-embed-requests.js';
import { geminiHeaders, geminiModelUrl, geminiModelsUrl } from './google-gemini-config.js';
import { googleGeminiSpec } from './google-gemini-spec.js';
import { parseGeminiEmbedResponse } from './parse-gemini-embed-response.js';

export interface GoogleGeminiAdapterDeps {
  readonly clients: UpstreamClients;
  /** Bounds a verification's wait for headers and between body chunks. */
  readonly timeoutMs: number;
}

/**
 * The Gemini API (generativelanguage.googleapis.com) adapter: verification, chat, streamed chat
 * and embeddings. The key travels in `x-goog-api-key`; the request and answer formats are the
 * ones Vertex AI shares (google-shared).
 */
export function createGoogleGeminiAdapter(deps: GoogleGeminiAdapterDeps): ProviderAdapter {
  return {
    spec: googleGeminiSpec,
    verify: (request) => verify(deps, request),
    chat: async (call) => googleChat(contextOf(deps, call), target(call, 'generateContent'), call.request),
    streamChat: async function* (call) {
      yield* googleStreamChat(contextOf(deps, call), target(call, 'streamGenerateContent'), call.request);
    },
    embed: (call) => embed(deps, call),
  };
}

/** `GET {base}/models?pageSize=1`: free, and needs a valid key. */
async function verify(deps: GoogleGeminiAdapterDeps, request: VerifyRequest): Promise<VerifyOutcome> {
  // Google's classification: an invalid key comes as 400 API_KEY_INVALID, a refusal, not "nothing decided".
  return verifyByCall({ ...deps, provider: 'google-gemini', classify: classifyGoogleFailure }, request, {
    url: geminiModelsUrl(request.config),
    headers: geminiHeaders(request.secret),
  });
}

/** `:batchEmbedContents`, 100 inputs per call, the calls one after the other. */
async function embed(
  deps: GoogleGeminiAdapterDeps,
  call: ProviderCall<EmbedRequest>,
): Promise<ProviderEmbedResult> {
  const context = contextOf(deps, call);
  const endpoint = {
    url: geminiModelUrl(call.config, call.request.model, 'batchEmbedContents'),
    headers: geminiHeaders(call.secret),
  };
  const embeddings: number[][] = [];
  let inputTokens: number | undefined;
  for (const body of buildGeminiEmbedRequests(call.request)) {
    const answer = await postJsonToGoogle(context, endpoint, body);
    const parsed = parseGeminiEmbedResponse('google-gemini', answer, body.requests.length);
    embeddings.push(...parsed.embeddings);
    if (parsed.inputTokens !== undefined) inputTokens = (inputTokens ?? 0) + parsed.inputTokens;
  }
  // The documented batchEmbedContents answer has no token counts: usage stays empty then.
  return { embeddings, usage: inputTokens !== undefined ? { inputTokens } : {}, model: call.request.model };
}

function target(call: ProviderCall<ChatRequest>, method: 'generateContent' | 'streamGenerateContent') {
  return {
    url: geminiModelUrl(call.config, call.request.model, method),
    headers: geminiHeaders(call.secret),
  };
}

function contextOf(deps: GoogleGeminiAdapterDeps, call: ProviderCall<unknown>): GoogleCallContext {
  return {
    provider: 'google-gemini',
    clients: deps.clients,
    secrets: Object.values(call.secret),
    signal: call.signal,
  };
}

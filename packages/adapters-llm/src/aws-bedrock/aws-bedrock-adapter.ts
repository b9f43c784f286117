import type { IncomingHttpHeaders } from 'node:http';
import type {
  ChatRequest,
  ChatStreamEvent,
  CredentialConfig,
  EmbedRequest,
  ProviderAdapter,
  ProviderCall,
  ProviderChatResult,
  ProviderEmbedResult,
  ProviderRerankResult,
  RerankRequest,
  SecretPayload,
  VerifyOutcome,
  VerifyRequest,
} from '@integration-api/core';
import { mapWithConcurrency } from '../http/map-with-concurrency.js';
import { upstreamFailureOf } from '../http/provider-error.js';
import { readProviderStream } from '../http/provider-event-stream.js';
import {
  firstHeader,
  readJsonResponse,
  sendProviderRequest,
  type ProviderContext,
} from '../http/send-provider-request.js';
import type { UpstreamClients, UpstreamRequest, UpstreamResponse } from '../http/upstream-clients.js';
import { joinUrl } from '../http/url.js';
import { verifyByRequest } from '../http/verify-by-request.js';
import {
  awsBedrockEmbeddingFamily,
  buildCohereEmbedRequest,
  buildTitanEmbedRequest,
  COHERE_EMBED_BATCH_SIZE,
  parseCohereEmbedResponse,
  parseTitanEmbedResponse,
} from './aws-bedrock-embedding-models.js';
import { awsBedrockEndpoints, awsBedrockModelUrl } from './aws-bedrock-endpoints.js';
import { AWS_BEDROCK_PROVIDER, awsBedrockHttpError } from './aws-bedrock-error.js';
import { decodeAwsBedrockEventStream } from './aws-bedrock-event-stream-decoder.js';
import { buildAwsBedrockRerankRequest, parseAwsBedrockRerankResponse } from './aws-bedrock-rerank.js';
import { awsCredentialsOf, signAwsRequest } from './aws-bedrock-sigv4.js';
import { awsBedrockSpec } from './aws-bedrock-spec.js';
import { AwsBedrockStreamState } from './aws-bedrock-stream-state.js';
import { buildAwsBedrockRequest } from './build-aws-bedrock-request.js';
import { parseAwsBedrockResponse } from './parse-aws-bedrock-response.js';

export interface AwsBedrockAdapterDeps {
  readonly clients: UpstreamClients;
  /** Bounds a verification's wait for headers and between body chunks. */
  readonly timeoutMs: number;
  /** Titan embeds one text per call; this many calls run at once. Default 4. */
  readonly embedConcurrency?: number;
  /** The signing clock; tests pin it. */
  readonly now?: () => Date;
}

export const DEFAULT_EMBED_CONCURRENCY = 4;

const REQUEST_ID_HEADERS = ['x-amzn-requestid'];
const INPUT_TOKENS_HEADER = 'x-amzn-bedrock-input-token-count';

/** Where a signed call goes and with what; the body, when there is one, is JSON. */
interface SignedRequest {
  readonly method: 'GET' | 'POST';
  readonly url: string;
  readonly accept: string;
  readonly body?: unknown;
  readonly secret: SecretPayload;
  readonly region: string;
  readonly signal?: AbortSignal;
  readonly timeoutMs?: number;
}

/**
 * The AWS Bedrock adapter: Converse and ConverseStream for chat, InvokeModel for Titan and Cohere
 * embeddings, the agent runtime's Rerank, and ListFoundationModels for verification. Every request
 * is signed with SigV4 for the credential's region; the pure pieces beside it do the rest.
 */
export function createAwsBedrockAdapter(deps: AwsBedrockAdapterDeps): ProviderAdapter {
  const send = (request: SignedRequest) => sendSigned(deps, request);
  return {
    spec: awsBedrockSpec,
    verify: (request) => verify(deps, request),
    chat: (call) => chat(send, call),
    streamChat: (call) => streamChat(send, call),
    embed: (call) => embed(send, call, deps.embedConcurrency ?? DEFAULT_EMBED_CONCURRENCY),
    rerank: (call) => rerank(send, call),
  };
}

type Send = (request: SignedRequest) => Promise<UpstreamResponse>;

async function chat(send: Send, call: ProviderCall<ChatRequest>): Promise<ProviderChatResult> {
  const body = buildAwsBedrockRequest(call.request);
  const endpoints = awsBedrockEndpoints(call.config);
  const response = await send({
    ...target(call, endpoints.region),
    method: 'POST',
    url: awsBedrockModelUrl(endpoints, call.request.model, 'converse'),
    accept: 'application/json',
    body,
  });
  const json = await readJsonResponse(AWS_BEDROCK_PROVIDER, response, call.signal);
  return parseAwsBedrockResponse(json, { model: call.request.model, ...requestIdOf(response.headers) });
}

async function* streamChat(send: Send, call: ProviderCall<ChatRequest>): AsyncGenerator<ChatStreamEvent> {
  const body = buildAwsBedrockRequest(call.request);
  const endpoints = awsBedrockEndpoints(call.config);
  const response = await send({
    ...target(call, endpoints.region),
    method: 'POST',
    url: awsBedrockModelUrl(endpoints, call.request.model, 'converse-stream'),
    accept: 'application/vnd.amazon.eventstream',
    body,
  });
  const state = new AwsBedrockStreamState({ model: call.request.model, ...requestIdOf(response.headers) });
  const secrets = secretsOf(call.secret);
  const events = readProviderStream(response, (body) => decodeAwsBedrockEventStream(body, secrets), {
    provider: AWS_BEDROCK_PROVIDER,
    signal: call.signal,
  });
  try {
    for await (const event of events) yield* state.push(event);
  } catch (error) {
    // Once `finish` went out the answer is whole: a connection breaking while the rest drains changes
    // nothing.
    if (!state.done) throw error;
  }
  yield* state.end();
}

async function embed(
  send: Send,
  call: ProviderCall<EmbedRequest>,
  concurrency: number,
): Promise<ProviderEmbedResult> {
  const { request } = call;
  const family = awsBedrockEmbeddingFamily(request.model);
  const endpoints = awsBedrockEndpoints(call.config);
  const url = awsBedrockModelUrl(endpoints, request.model, 'invoke');
  // One failed call stops the others: the whole result is lost anyway.
  const stop = new AbortController();
  const signal = AbortSignal.any([call.signal, stop.signal]);
  /** One InvokeModel call: its JSON answer, the input tokens Bedrock counted (a header) and its id. */
  const invoke = async (body: unknown) => {
    const response = await send({
      ...target(call, endpoints.region),
      signal,
      method: 'POST',
      url,
      accept: 'application/json',
      body,
    });
    const json = await readJsonResponse(AWS_BEDROCK_PROVIDER, response, signal);
    return { json, inputTokens: headerCount(response.headers), ...requestIdOf(response.headers) };
  };

  const batches =
    family === 'titan'
      ? request.inputs.map((text) => [text])
      : chunk(request.inputs, COHERE_EMBED_BATCH_SIZE);
  let answers: { embeddings: number[][]; inputTokens?: number; providerRequestId?: string }[];
  try {
    answers = await mapWithConcurrency(batches, concurrency, async (batch) => {
      if (family === 'titan') {
        const { json, ...answer } = await invoke(buildTitanEmbedRequest(batch[0]!, request));
        const parsed = parseTitanEmbedResponse(json);
        return {
          ...answer,
          embeddings: [parsed.embedding],
          inputTokens: parsed.inputTokens ?? answer.inputTokens,
        };
      }
      const { json, ...answer } = await invoke(buildCohereEmbedRequest(batch, request));
      return { ...answer, embeddings: parseCohereEmbedResponse(json, batch.length) };
    });
  } catch (error) {
    stop.abort();
    throw error;
  }

  // A total only when every call reported its count.
  let inputTokens: number | undefined = 0;
  for (const answer of answers) {
    inputTokens =
      inputTokens === undefined || answer.inputTokens === undefined
        ? undefined
        : inputTokens + answer.inputTokens;
  }
  const providerRequestId = answers[0]?.providerRequestId;
  return {
    embeddings: answers.flatMap((answer) => answer.embeddings),
    usage: inputTokens !== undefined ? { inputTokens, totalTokens: inputTokens } : {},
    model: request.model,
    ...(providerRequestId !== undefined ? { providerRequestId } : {}),
  };
}

async function rerank(send: Send, call: ProviderCall<RerankRequest>): Promise<ProviderRerankResult> {
  const endpoints = awsBedrockEndpoints(call.config);
  const body = buildAwsBedrockRerankRequest(call.request, endpoints.region);
  const response = await send({
    ...target(call, endpoints.region),
    method: 'POST',
    url: joinUrl(endpoints.agentRuntime, 'rerank'),
    accept: 'application/json',
    body,
  });
  const json = await readJsonResponse(AWS_BEDROCK_PROVIDER, response, call.signal);
  return {
    results: parseAwsBedrockRerankResponse(json, call.request.documents.length),
    usage: {},
    model: call.request.model,
    ...requestIdOf(response.headers),
  };
}

/**
 * Verifies a credential by listing foundation models (`GET {control}/foundation-models`): cheap,
 * and needs a valid key pair. A refused credential and a missing IAM permission both come as 403
 * and are told apart by the AWS error type; anything else decided nothing.
 */
async function verify(deps: AwsBedrockAdapterDeps, request: VerifyRequest): Promise<VerifyOutcome> {
  const endpoints = awsBedrockEndpoints(request.config);
  return verifyByRequest({
    provider: AWS_BEDROCK_PROVIDER,
    clients: deps.clients,
    secret: request.secret,
    request: signedRequest(deps, {
      method: 'GET',
      url: joinUrl(endpoints.control, 'foundation-models'),
      accept: 'application/json',
      secret: request.secret,
      region: endpoints.region,
      ...(request.signal ? { signal: request.signal } : {}),
      timeoutMs: deps.timeoutMs,
    }),
    classify: (input) => upstreamFailureOf(awsBedrockHttpError(input)),
  });
}

/**
 * Signs and sends one request. A non-2xx answer is read (bounded) and thrown as a ProviderError
 * named by its AWS error type; network errors and timeouts become ProviderErrors, the caller's
 * abort a CancelledError.
 */
async function sendSigned(deps: AwsBedrockAdapterDeps, request: SignedRequest): Promise<UpstreamResponse> {
  const context: ProviderContext = {
    provider: AWS_BEDROCK_PROVIDER,
    clients: deps.clients,
    secret: request.secret,
    errorOf: awsBedrockHttpError,
  };
  return sendProviderRequest(context, signedRequest(deps, request));
}

/** The request with its SigV4 headers for the credential's region; the body, when there is one, as JSON. */
function signedRequest(deps: AwsBedrockAdapterDeps, request: SignedRequest): UpstreamRequest {
  const credentials = awsCredentialsOf(request.secret);
  const body = request.body === undefined ? undefined : JSON.stringify(request.body);
  const headers = signAwsRequest(
    {
      method: request.method,
      url: request.url,
      headers: {
        accept: request.accept,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body } : {}),
    },
    { credentials, region: request.region, ...(deps.now ? { now: deps.now() } : {}) },
  );
  return {
    method: request.method,
    url: request.url,
    headers,
    ...(body !== undefined ? { body } : {}),
    ...(request.signal ? { signal: request.signal } : {}),
    ...(request.timeoutMs !== undefined
      ? { headersTimeoutMs: request.timeoutMs, bodyTimeoutMs: request.timeoutMs }
      : {}),
  };
}

function target(
  call: { readonly secret: SecretPayload; readonly config: CredentialConfig; readonly signal: AbortSignal },
  region: string,
): Pick<SignedRequest, 'secret' | 'region' | 'signal'> {
  return { secret: call.secret, region, signal: call.signal };
}

function requestIdOf(headers: IncomingHttpHeaders): { providerRequestId?: string } {
  const id = firstHeader(headers, REQUEST_ID_HEADERS);
  return id ? { providerRequestId: id } : {};
}

function headerCount(headers: IncomingHttpHeaders): number | undefined {
  const raw = firstHeader(headers, [INPUT_TOKENS_HEADER]);
  const value = Number(raw);
  return raw !== undefined && Number.isInteger(value) && value >= 0 ? value : undefined;
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

function secretsOf(secret: SecretPayload): string[] {
  return Object.values(secret);
}

import {
  CancelledError,
  type ChatRequest,
  type ChatStreamEvent,
  type ProviderAdapter,
  type ProviderCall,
  type ProviderChatResult,
} from '@integration-api/core';
import { readProviderEvents } from '../http/provider-event-stream.js';
import type { UpstreamClients } from '../http/upstream-clients.js';
import type { ReplicatePrediction } from './replicate-api.js';
import { buildReplicateRequest } from './build-replicate-request.js';
import { convertReplicateUsage } from './convert-replicate-usage.js';
import { isTerminal, parseReplicateChatResult } from './parse-replicate-prediction.js';
import { ReplicatePredictions } from './replicate-predictions.js';
import { replicateSpec } from './replicate-spec.js';
import { ReplicateStreamState, type ReplicateStreamFinish } from './replicate-stream-state.js';
import { createReplicateVerifier } from './replicate-verifier.js';
import {
  DEFAULT_REPLICATE_POLLING,
  waitForReplicatePrediction,
  type ReplicatePollingOptions,
} from './wait-for-replicate-prediction.js';

export interface ReplicateAdapterDeps {
  readonly clients: UpstreamClients;
  /** Bounds a verification, a cancel request and the usage read after a stream. */
  readonly timeoutMs: number;
  /** How long a non-streamed creation asks Replicate to hold the answer (`Prefer: wait=N`), 1 to 60 s. Default 60. */
  readonly syncWaitSeconds?: number;
  /** Polling of a prediction that outlived the synchronous wait. */
  readonly polling?: Partial<ReplicatePollingOptions>;
}

export const DEFAULT_REPLICATE_SYNC_WAIT_SECONDS = 60;

/**
 * Replicate predictions as chat: a prediction is created for the model (see
 * buildReplicateRequest), then waited for (`Prefer: wait`, then polling) or streamed from its
 * `urls.stream`. Whenever the adapter stops following a prediction before it finished (the
 * caller aborted, the consumer stopped reading, the stream broke, polling gave up), it cancels
 * the prediction so it stops running and costing.
 */
export function createReplicateAdapter(deps: ReplicateAdapterDeps): ProviderAdapter {
  const syncWaitSeconds = deps.syncWaitSeconds ?? DEFAULT_REPLICATE_SYNC_WAIT_SECONDS;
  if (!Number.isInteger(syncWaitSeconds) || syncWaitSeconds < 1 || syncWaitSeconds > 60) {
    throw new RangeError('syncWaitSeconds must be an integer from 1 to 60');
  }
  const options: AdapterOptions = {
    deps,
    syncWaitSeconds,
    polling: { ...DEFAULT_REPLICATE_POLLING, ...deps.polling },
  };
  return {
    spec: replicateSpec,
    verify: createReplicateVerifier(deps),
    chat: (call) => chat(options, call),
    streamChat: (call) => streamChat(options, call),
  };
}

interface AdapterOptions {
  readonly deps: ReplicateAdapterDeps;
  readonly syncWaitSeconds: number;
  readonly polling: ReplicatePollingOptions;
}

async function chat(options: AdapterOptions, call: ProviderCall<ChatRequest>): Promise<ProviderChatResult> {
  const request = buildReplicateRequest(call.request, { stream: false });
  const predictions = new ReplicatePredictions(options.deps, call.secret, call.config);
  // An abort before this answer leaves nothing to cancel: the prediction's id is not known yet.
  const created = await predictions.create(request, {
    signal: call.signal,
    waitSeconds: options.syncWaitSeconds,
  });
  const finished = await settle(options, predictions, created, call.signal);
  const result = parseReplicateChatResult(finished, secretsOf(call));
  return { ...result, model: result.model ?? call.request.model };
}

async function* streamChat(
  options: AdapterOptions,
  call: ProviderCall<ChatRequest>,
): AsyncGenerator<ChatStreamEvent> {
  const request = buildReplicateRequest(call.request, { stream: true });
  const predictions = new ReplicatePredictions(options.deps, call.secret, call.config);
  const created = await predictions.create(request, { signal: call.signal });
  const streamUrl = created.urls?.stream;
  if (!streamUrl || isTerminal(created)) {
    // The model cannot stream: wait for the whole answer and send it as one piece.
    yield* wholeAnswerAsStream(await settle(options, predictions, created, call.signal), call);
    return;
  }

  const state = new ReplicateStreamState({ secrets: secretsOf(call) });
  let ended = false;
  try {
    const response = await predictions.openStream(streamUrl, call.signal);
    const events = readProviderEvents(response, {
      provider: 'replicate',
      signal: call.signal,
      endMarker: 'its done event',
    });
    for await (const message of events) {
      let out: ChatStreamEvent[];
      try {
        out = state.push({ event: message.event ?? 'message', data: message.data });
      } catch (error) {
        // An `error` event or a failing `done`: the prediction is over on Replicate's side.
        ended = true;
        throw error;
      }
      yield* out;
      if (state.done) break;
    }
    ended = state.done;
    const finish = state.done ? await finishedDetails(options, predictions, created, call) : {};
    yield* state.end(finish);
  } finally {
    if (!ended) await predictions.cancel(created.id);
  }
}

/**
 * Follows a created prediction to its final state, polling when the synchronous wait was not
 * enough. Leaving early (abort, timeout, polling failures) cancels the prediction.
 */
async function settle(
  options: AdapterOptions,
  predictions: ReplicatePredictions,
  prediction: ReplicatePrediction,
  signal: AbortSignal,
): Promise<ReplicatePrediction> {
  if (isTerminal(prediction)) return prediction;
  try {
    return await waitForReplicatePrediction(prediction, {
      poll: (pollSignal) => predictions.get(prediction.id, pollSignal),
      signal,
      polling: options.polling,
    });
  } catch (error) {
    await predictions.cancel(prediction.id);
    throw error;
  }
}

function* wholeAnswerAsStream(
  prediction: ReplicatePrediction,
  call: ProviderCall<ChatRequest>,
): Generator<ChatStreamEvent> {
  const result = parseReplicateChatResult(prediction, secretsOf(call));
  if (result.message.text) yield { type: 'text-delta', delta: result.message.text };
  if (Object.keys(result.usage).length > 0) yield { type: 'usage', usage: result.usage };
  yield {
    type: 'finish',
    finishReason: result.finishReason,
    ...(result.rawFinishReason ? { rawFinishReason: result.rawFinishReason } : {}),
    model: result.model ?? call.request.model,
    ...(result.providerRequestId ? { providerRequestId: result.providerRequestId } : {}),
  };
}

/**
 * The stream carries no usage: once it is done, the prediction is read once for its metrics.
 * Best effort: a failed read only costs the usage, unless the caller aborted meanwhile.
 */
async function finishedDetails(
  options: AdapterOptions,
  predictions: ReplicatePredictions,
  created: ReplicatePrediction,
  call: ProviderCall<ChatRequest>,
): Promise<ReplicateStreamFinish> {
  const { signal } = call;
  let prediction = created;
  try {
    prediction = await predictions.get(
      created.id,
      AbortSignal.any([signal, AbortSignal.timeout(options.deps.timeoutMs)]),
    );
  } catch {
    if (signal.aborted) throw new CancelledError();
  }
  return {
    usage: convertReplicateUsage(prediction.metrics),
    model: prediction.model || created.model || call.request.model,
    providerRequestId: created.id,
  };
}

function secretsOf(call: ProviderCall<unknown>): string[] {
  return Object.values(call.secret);
}

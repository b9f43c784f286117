import { InvalidArgumentError, type ChatRequest } from '@integration-api/core';
import type { ReplicateCreatePredictionBody } from './replicate-api.js';
import { convertToReplicatePrompt } from './convert-to-replicate-prompt.js';
import { parseReplicateModelRef } from './replicate-model-ref.js';

/** Where to create the prediction (relative to the API root) and what to send. */
export interface ReplicatePredictionRequest {
  readonly path: string;
  readonly body: ReplicateCreatePredictionBody;
}

export interface BuildReplicateRequestOptions {
  /** Ask for a `urls.stream` to read the output from as it is generated. */
  readonly stream: boolean;
}

/**
 * The prediction to create for a chat request. The model reference decides the endpoint
 * (see parseReplicateModelRef); the request becomes the model's `input` (see buildReplicateInput).
 */
export function buildReplicateRequest(
  request: ChatRequest,
  options: BuildReplicateRequestOptions,
): ReplicatePredictionRequest {
  const ref = parseReplicateModelRef(request.model);
  const input = buildReplicateInput(request);
  const stream = options.stream ? { stream: true } : {};
  if (ref.kind === 'version')
    return { path: 'predictions', body: { version: ref.version, input, ...stream } };
  return {
    path: `models/${encodeURIComponent(ref.owner)}/${encodeURIComponent(ref.name)}/predictions`,
    body: { input, ...stream },
  };
}

/**
 * The `input` of Replicate's common chat models (Meta Llama 3.x instruct, Mistral...):
 * `prompt` and `system_prompt` from the messages, `max_tokens`, `temperature`, `top_p`,
 * `stop_sequences` (one comma-separated string, as those models take it), `seed`,
 * `presence_penalty` and `frequency_penalty`. Models ignore inputs they do not declare, and some
 * name theirs differently (`max_new_tokens`): providerOptions are merged last and can set or
 * override any input. Tools, JSON output and reasoning settings have no input on these models;
 * tools and JSON output are refused rather than silently dropped.
 */
export function buildReplicateInput(request: ChatRequest): Record<string, unknown> {
  if (request.tools?.length) {
    throw new InvalidArgumentError('tools', 'Replicate chat models take no tools');
  }
  const format = request.responseFormat?.type;
  if (format === 'json_object' || format === 'json_schema') {
    throw new InvalidArgumentError('responseFormat', 'Replicate chat models have no JSON output mode');
  }
  return {
    ...convertToReplicatePrompt(request.messages),
    ...defined('max_tokens', request.maxOutputTokens),
    ...defined('temperature', request.temperature),
    ...defined('top_p', request.topP),
    ...(request.stop?.length ? { stop_sequences: request.stop.join(',') } : {}),
    ...defined('seed', request.seed),
    ...defined('presence_penalty', request.presencePenalty),
    ...defined('frequency_penalty', request.frequencyPenalty),
    ...request.providerOptions,
  };
}

function defined<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]: V });
}

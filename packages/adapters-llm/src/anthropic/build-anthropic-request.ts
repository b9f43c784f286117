import { InvalidArgumentError, type ChatRequest, type ReasoningEffort } from '@integration-api/core';
import type { AnthropicMessagesRequest, AnthropicThinkingParam } from './anthropic-api.js';
import { prepareAnthropicTools } from './anthropic-prepare-tools.js';
import { convertToAnthropicMessages } from './convert-to-anthropic-messages.js';

/** Anthropic requires `max_tokens`; this is the answer's allowance when the request sets none. */
export const ANTHROPIC_DEFAULT_MAX_TOKENS = 4096;

/** Anthropic refuses a smaller thinking budget. */
export const ANTHROPIC_MIN_THINKING_BUDGET = 1024;

/**
 * The thinking budget for a reasoning effort when the request gives no budget of its own:
 * minimal is Anthropic's floor, each step above roughly doubles it.
 */
export const ANTHROPIC_EFFORT_BUDGETS: Readonly<Record<ReasoningEffort, number>> = {
  minimal: 1024,
  low: 4096,
  medium: 8192,
  high: 16384,
};

export interface BuildAnthropicRequestOptions {
  readonly stream?: boolean;
}

/**
 * The whole Messages API body for a chat request.
 * - `max_tokens` is required by Anthropic: the request's `maxOutputTokens`, else the default
 *   plus the thinking budget (thinking counts as output and must fit below `max_tokens`).
 * - `reasoningBudgetTokens` (or, without it, `reasoningEffort` through ANTHROPIC_EFFORT_BUDGETS)
 *   turns on extended thinking: `thinking: {type: 'enabled', budget_tokens}`. Newer models that
 *   only think adaptively take `providerOptions: {thinking: {type: 'adaptive'}, output_config:
 *   {effort}}` instead.
 * - A `json_schema` response format becomes structured output (`output_config.format`).
 *   `json_object` has no Anthropic equivalent (structured output needs a schema) and is not sent.
 * - `seed`, `presencePenalty` and `frequencyPenalty` do not exist at Anthropic and are not sent.
 * - `providerOptions` are merged last, shallowly, as they are; only `stream` stays ours, since it
 *   decides how the answer is read.
 */
export function buildAnthropicRequest(
  request: ChatRequest,
  options: BuildAnthropicRequestOptions = {},
): AnthropicMessagesRequest {
  const { system, messages } = convertToAnthropicMessages(request.messages);
  const thinking = thinkingFor(request);
  const maxTokens =
    request.maxOutputTokens ?? ANTHROPIC_DEFAULT_MAX_TOKENS + (thinking ? thinking.budget_tokens : 0);
  if (request.temperature !== undefined && request.temperature > 1) {
    throw new InvalidArgumentError('temperature', 'must be a number from 0 to 1 for Anthropic');
  }
  const format = request.responseFormat;

  const body: Record<string, unknown> = {
    model: request.model,
    ...(system !== undefined ? { system } : {}),
    messages,
    max_tokens: maxTokens,
    ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
    ...(request.topP !== undefined ? { top_p: request.topP } : {}),
    ...(request.stop?.length ? { stop_sequences: request.stop } : {}),
    ...prepareAnthropicTools(request),
    ...(thinking ? { thinking } : {}),
    ...(format?.type === 'json_schema'
      ? { output_config: { format: { type: 'json_schema', schema: format.schema } } }
      : {}),
    ...request.providerOptions,
  };
  if (options.stream) body.stream = true;
  else delete body.stream;
  return body as AnthropicMessagesRequest;
}

function thinkingFor(request: ChatRequest): AnthropicThinkingParam | undefined {
  const max = request.maxOutputTokens;
  if (request.reasoningBudgetTokens !== undefined) {
    const budget = request.reasoningBudgetTokens;
    if (budget < ANTHROPIC_MIN_THINKING_BUDGET) {
      throw new InvalidArgumentError(
        'reasoningBudgetTokens',
        `must be at least ${ANTHROPIC_MIN_THINKING_BUDGET} for Anthropic`,
      );
    }
    if (max !== undefined && budget >= max) {
      throw new InvalidArgumentError(
        'reasoningBudgetTokens',
        'must be less than maxOutputTokens: Anthropic counts thinking as output',
      );
    }
    return { type: 'enabled', budget_tokens: budget };
  }
  if (request.reasoningEffort === undefined) return undefined;
  // An effort is a wish, not a number: fit it to a small maxOutputTokens, half for thinking.
  let budget = ANTHROPIC_EFFORT_BUDGETS[request.reasoningEffort];
  if (max !== undefined && budget >= max) budget = Math.floor(max / 2);
  if (budget < ANTHROPIC_MIN_THINKING_BUDGET) {
    throw new InvalidArgumentError(
      'maxOutputTokens',
      `must be at least ${2 * ANTHROPIC_MIN_THINKING_BUDGET} to think on Anthropic (reasoningEffort is set)`,
    );
  }
  return { type: 'enabled', budget_tokens: budget };
}

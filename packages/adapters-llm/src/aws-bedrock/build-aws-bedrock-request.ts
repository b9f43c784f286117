import { InvalidArgumentError, type ChatRequest } from '@integration-api/core';
import {
  ANTHROPIC_DEFAULT_MAX_TOKENS,
  ANTHROPIC_EFFORT_BUDGETS,
  ANTHROPIC_MIN_THINKING_BUDGET,
} from '../anthropic/build-anthropic-request.js';
import type { AwsBedrockConverseRequest, AwsBedrockInferenceConfig } from './aws-bedrock-api.js';
import { prepareAwsBedrockTools } from './aws-bedrock-prepare-tools.js';
import { convertToAwsBedrockMessages } from './convert-to-aws-bedrock-messages.js';

/**
 * The Converse / ConverseStream body for a chat request (the model goes in the URL):
 * - `maxOutputTokens`, `temperature` (Converse takes 0 to 1), `topP` and `stop` go to
 *   `inferenceConfig`;
 * - for Anthropic Claude models (an id, inference profile or ARN naming `anthropic.`),
 *   `reasoningBudgetTokens`, or else `reasoningEffort`, turns on extended thinking through
 *   `additionalModelRequestFields.thinking`, with the same budgets and rules as the Anthropic
 *   adapter (thinking counts as output, so without `maxOutputTokens` the default allowance plus
 *   the budget is asked for). Other models' reasoning settings differ per family and go in
 *   `providerOptions.additionalModelRequestFields`;
 * - `seed`, `presencePenalty`, `frequencyPenalty`, `responseFormat` and `parallelToolCalls` have
 *   no Converse field and are not sent;
 * - `providerOptions` are merged last into the body (`guardrailConfig`, `performanceConfig`,
 *   `requestMetadata`...), except `additionalModelRequestFields`, merged into ours one level
 *   deep so a caller's model fields (`top_k`...) and our thinking settings both reach the model.
 */
export function buildAwsBedrockRequest(request: ChatRequest): AwsBedrockConverseRequest {
  const tools = prepareAwsBedrockTools(request.tools, request.toolChoice);
  const { system, messages } = convertToAwsBedrockMessages(request.messages, {
    toolBlocks: tools.toolConfig ? 'native' : 'text',
  });
  if (messages.length === 0) {
    throw new InvalidArgumentError('messages', 'must hold a user or assistant message with content');
  }
  if (request.temperature !== undefined && request.temperature > 1) {
    throw new InvalidArgumentError('temperature', 'must be a number from 0 to 1 for Bedrock');
  }

  const thinkingBudget = isAnthropicModel(request.model) ? thinkingBudgetFor(request) : undefined;
  const maxTokens =
    request.maxOutputTokens ??
    (thinkingBudget !== undefined ? ANTHROPIC_DEFAULT_MAX_TOKENS + thinkingBudget : undefined);
  const inferenceConfig: AwsBedrockInferenceConfig = {
    ...(maxTokens !== undefined ? { maxTokens } : {}),
    ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
    ...(request.topP !== undefined ? { topP: request.topP } : {}),
    ...(request.stop?.length ? { stopSequences: request.stop } : {}),
  };

  const { additionalModelRequestFields: callerFields, ...callerOptions } = request.providerOptions ?? {};
  const additionalModelRequestFields = {
    ...(thinkingBudget !== undefined ? { thinking: { type: 'enabled', budget_tokens: thinkingBudget } } : {}),
    ...(isRecord(callerFields) ? callerFields : {}),
  };

  return {
    messages,
    ...(system.length > 0 ? { system } : {}),
    ...(Object.keys(inferenceConfig).length > 0 ? { inferenceConfig } : {}),
    ...tools,
    ...(Object.keys(additionalModelRequestFields).length > 0 ? { additionalModelRequestFields } : {}),
    ...callerOptions,
  };
}

/** Anthropic models answer to the thinking settings; an opaque application profile ARN does not say. */
export function isAnthropicModel(modelId: string): boolean {
  return modelId.includes('anthropic.');
}

function thinkingBudgetFor(request: ChatRequest): number | undefined {
  const max = request.maxOutputTokens;
  if (request.reasoningBudgetTokens !== undefined) {
    const budget = request.reasoningBudgetTokens;
    if (budget < ANTHROPIC_MIN_THINKING_BUDGET) {
      throw new InvalidArgumentError(
        'reasoningBudgetTokens',
        `must be at least ${ANTHROPIC_MIN_THINKING_BUDGET} for Anthropic models`,
      );
    }
    if (max !== undefined && budget >= max) {
      throw new InvalidArgumentError(
        'reasoningBudgetTokens',
        'must be less than maxOutputTokens: Anthropic models count thinking as output',
      );
    }
    return budget;
  }
  if (request.reasoningEffort === undefined) return undefined;
  // An effort is a wish, not a number: fit it to a small maxOutputTokens, half for thinking.
  let budget = ANTHROPIC_EFFORT_BUDGETS[request.reasoningEffort];
  if (max !== undefined && budget >= max) budget = Math.floor(max / 2);
  if (budget < ANTHROPIC_MIN_THINKING_BUDGET) {
    throw new InvalidArgumentError(
      'maxOutputTokens',
      `must be at least ${2 * ANTHROPIC_MIN_THINKING_BUDGET} to think on Anthropic models (reasoningEffort is set)`,
    );
  }
  return budget;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

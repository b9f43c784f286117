import type { ProviderAdapter, ProviderCall, VerifyOutcome, VerifyRequest } from '@integration-api/core';
import type { UpstreamClients } from '../http/upstream-clients.js';
import { verifyByCall } from '../http/verify-by-request.js';
import { createOpenAICompatibleChat } from '../openai-compatible/openai-compatible-chat.js';
import { openAIDialect } from '../openai-compatible/openai-compatible-dialect.js';
import { createOpenAICompatibleEmbed } from '../openai-compatible/openai-compatible-embed.js';
import type { OpenAICompatibleTarget } from '../openai-compatible/openai-compatible-target.js';
import {
  azureOpenAIDeployment,
  azureOpenAIHeaders,
  azureOpenAIModelsUrl,
  azureOpenAIUrl,
  type AzureOpenAIOperation,
} from './azure-openai-request-config.js';
import { azureOpenAISpec } from './azure-openai-spec.js';

export interface AzureOpenAIAdapterDeps {
  readonly clients: UpstreamClients;
  /** Bounds the verification's wait for headers and each body chunk. */
  readonly timeoutMs: number;
}

/** Azure speaks OpenAI's format; `apim-request-id` is the id Azure support asks for. */
export const AZURE_OPENAI_DIALECT = openAIDialect('azure-openai', ['apim-request-id', 'x-request-id']);

/** Azure OpenAI: chat completions (plain and streamed), embeddings and key verification. */
export function createAzureOpenAIAdapter(deps: AzureOpenAIAdapterDeps): ProviderAdapter {
  const { clients } = deps;
  const targetOf =
    (operation: AzureOpenAIOperation) =>
    (call: ProviderCall<{ readonly model: string }>): OpenAICompatibleTarget => {
      const deployment = azureOpenAIDeployment(call.config, operation, call.request.model);
      return {
        url: azureOpenAIUrl(call.config, operation, deployment),
        headers: azureOpenAIHeaders(call.secret),
        model: deployment,
      };
    };
  const { chat, streamChat } = createOpenAICompatibleChat({
    dialect: AZURE_OPENAI_DIALECT,
    clients,
    target: targetOf('chat/completions'),
  });
  return {
    spec: azureOpenAISpec,
    verify: (request) => verifyAzureOpenAI(deps, request),
    chat,
    streamChat,
    embed: createOpenAICompatibleEmbed({
      dialect: AZURE_OPENAI_DIALECT,
      clients,
      target: targetOf('embeddings'),
    }),
  };
}

/** Checks the key by listing the resource's models: cheap, and refused without a valid key. */
function verifyAzureOpenAI(deps: AzureOpenAIAdapterDeps, request: VerifyRequest): Promise<VerifyOutcome> {
  return verifyByCall({ ...deps, provider: 'azure-openai' }, request, {
    url: azureOpenAIModelsUrl(request.config),
    headers: azureOpenAIHeaders(request.secret),
  });
}

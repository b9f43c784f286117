import { InvalidArgumentError, type CredentialConfig, type SecretPayload } from '@integration-api/core';

export type AzureOpenAIOperation = 'chat/completions' | 'embeddings';

/**
 * The resource endpoint without trailing slashes, and without an `/openai` or `/openai/v1` path
 * pasted from the portal (we add the path ourselves).
 */
export function azureOpenAIEndpoint(config: CredentialConfig): string {
  const endpoint = config.endpoint;
  if (!endpoint) throw new InvalidArgumentError('config.endpoint', 'is required');
  return endpoint.replace(/\/+$/, '').replace(/\/openai(\/v1)?$/i, '');
}

/**
 * The deployment a call uses: for embeddings the credential's `embeddingsDeployment`, then for
 * either operation its `deployment`, else the model the request names. One credential can so
 * serve a chat deployment and an embeddings deployment of the same resource.
 */
export function azureOpenAIDeployment(
  config: CredentialConfig,
  operation: AzureOpenAIOperation,
  requestModel: string,
): string {
  return (operation === 'embeddings' && config.embeddingsDeployment) || config.deployment || requestModel;
}

/**
 * With a dated `apiVersion`, the deployment-scoped API
 * (`/openai/deployments/{deployment}/{operation}?api-version=...`); without one, the v1 API
 * (`/openai/v1/{operation}`), where the deployment is named as `model` in the body.
 */
export function azureOpenAIUrl(
  config: CredentialConfig,
  operation: AzureOpenAIOperation,
  deployment: string,
): string {
  const endpoint = azureOpenAIEndpoint(config);
  if (!config.apiVersion) return `${endpoint}/openai/v1/${operation}`;
  return (
    `${endpoint}/openai/deployments/${encodeURIComponent(deployment)}/${operation}` +
    `?api-version=${encodeURIComponent(config.apiVersion)}`
  );
}

/** The models list: a cheap authenticated read in either API style. */
export function azureOpenAIModelsUrl(config: CredentialConfig): string {
  const endpoint = azureOpenAIEndpoint(config);
  return config.apiVersion
    ? `${endpoint}/openai/models?api-version=${encodeURIComponent(config.apiVersion)}`
    : `${endpoint}/openai/v1/models`;
}

export function azureOpenAIHeaders(secret: SecretPayload): Record<string, string> {
  const apiKey = secret.apiKey;
  if (!apiKey) throw new InvalidArgumentError('secret.apiKey', 'is required');
  return { 'api-key': apiKey };
}

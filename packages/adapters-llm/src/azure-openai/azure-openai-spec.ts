import type { ProviderSpec } from '@integration-api/core';
import { NO_CAPABILITIES, optionalText, secretField } from '../shared/spec-fields.js';

export const azureOpenAISpec: ProviderSpec = {
  id: 'azure-openai',
  displayName: 'Azure OpenAI',
  capabilities: {
    ...NO_CAPABILITIES,
    chat: true,
    streaming: true,
    tools: true,
    vision: true,
    embeddings: true,
    verify: true,
  },
  secretFields: [secretField('apiKey', 'Key of the Azure OpenAI resource (sent as api-key)')],
  configFields: [
    {
      name: 'endpoint',
      description: 'Resource endpoint, https://<resource>.openai.azure.com',
      required: true,
      format: 'url',
      maxLength: 2048,
    },
    optionalText(
      'apiVersion',
      'Dated API version (api-version query parameter, e.g. 2024-10-21); default: the v1 API at <endpoint>/openai/v1',
    ),
    optionalText('deployment', 'Default deployment name; default: the model named in each request'),
    optionalText(
      'embeddingsDeployment',
      'Deployment for embeddings, when it differs from `deployment`; default: `deployment`, else the model named in each request',
    ),
  ],
  hintField: 'apiKey',
};

import type { ProviderSpec } from '@integration-api/core';
import { secretField } from '../shared/spec-fields.js';

/** `https://bedrock-runtime.{region}.amazonaws.com`. */
export function awsBedrockDefaultBaseUrl(region: string): string {
  return `https://bedrock-runtime.${region}.amazonaws.com`;
}

export const awsBedrockSpec: ProviderSpec = {
  id: 'aws-bedrock',
  displayName: 'AWS Bedrock',
  capabilities: {
    chat: true,
    streaming: true,
    tools: true,
    vision: true,
    embeddings: true,
    rerank: true,
    verify: true,
  },
  secretFields: [
    secretField('accessKeyId', 'IAM access key ID (AKIA... or ASIA...)'),
    secretField('secretAccessKey', 'IAM secret access key'),
    {
      name: 'sessionToken',
      description: 'Session token, for temporary credentials (ASIA...)',
      required: false,
      maxLength: 8192,
    },
  ],
  configFields: [
    { name: 'region', description: 'AWS region (us-east-1, eu-central-1...)', required: true, maxLength: 64 },
    {
      name: 'baseUrl',
      description: 'Bedrock runtime endpoint; default https://bedrock-runtime.{region}.amazonaws.com',
      required: false,
      format: 'url',
      maxLength: 2048,
    },
  ],
  hintField: 'accessKeyId',
};

import { InvalidArgumentError, type CredentialConfig } from '@integration-api/core';
import { joinUrl } from '../http/url.js';

/** The roots of the three Bedrock APIs the adapter calls, and the region requests are signed for. */
export interface AwsBedrockEndpoints {
  readonly region: string;
  /** bedrock-runtime: Converse, ConverseStream, InvokeModel. */
  readonly runtime: string;
  /** bedrock-agent-runtime: Rerank. */
  readonly agentRuntime: string;
  /** bedrock (control plane): ListFoundationModels, for verification. */
  readonly control: string;
}

/** `us-east-1`, `eu-central-2`, `us-gov-west-1`, `cn-north-1`...: it becomes part of a host name. */
const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

/**
 * The endpoints for a credential's config. The region is checked before it goes into a host name.
 * Without `baseUrl`, AWS's public endpoints of the region (`.amazonaws.com.cn` in China). A
 * `baseUrl` naming a bedrock-runtime host (`bedrock-runtime-fips.us-east-1.amazonaws.com`...)
 * gives the sibling hosts for the other two APIs; any other `baseUrl` (a gateway, a test server)
 * is taken to serve all three under one root.
 */
export function awsBedrockEndpoints(config: CredentialConfig): AwsBedrockEndpoints {
  const region = config.region?.trim() ?? '';
  if (!REGION.test(region)) {
    throw new InvalidArgumentError('config.region', 'must be an AWS region such as us-east-1');
  }
  if (!config.baseUrl) {
    const domain = region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
    return {
      region,
      runtime: `https://bedrock-runtime.${region}.${domain}`,
      agentRuntime: `https://bedrock-agent-runtime.${region}.${domain}`,
      control: `https://bedrock.${region}.${domain}`,
    };
  }
  const base = config.baseUrl.replace(/\/+$/, '');
  const url = new URL(base);
  if (!url.hostname.startsWith('bedrock-runtime')) {
    return { region, runtime: base, agentRuntime: base, control: base };
  }
  const sibling = (prefix: string) => {
    const other = new URL(base);
    other.hostname = url.hostname.replace(/^bedrock-runtime/, prefix);
    return other.toString().replace(/\/+$/, '');
  };
  return {
    region,
    runtime: base,
    agentRuntime: sibling('bedrock-agent-runtime'),
    control: sibling('bedrock'),
  };
}

/**
 * `{runtime}/model/{modelId}/{operation}`. The whole model id is percent-encoded, ARNs included:
 * inference profile ids and ARNs hold `:` and `/`, and an ARN's `/` left bare splits the path
 * (Bedrock then answers UnknownOperationException).
 */
export function awsBedrockModelUrl(
  endpoints: AwsBedrockEndpoints,
  modelId: string,
  operation: 'converse' | 'converse-stream' | 'invoke',
): string {
  return joinUrl(endpoints.runtime, `model/${encodeURIComponent(modelId)}/${operation}`);
}

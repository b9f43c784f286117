import { InvalidArgumentError } from '@integration-api/core';
import { awsBedrockEndpoints, awsBedrockModelUrl } from './aws-bedrock-endpoints.js';

describe('awsBedrockEndpoints', () => {
  it('uses the public endpoints of the region by default', () => {
    expect(awsBedrockEndpoints({ region: 'eu-central-1' })).toEqual({
      region: 'eu-central-1',
      runtime: 'https://bedrock-runtime.eu-central-1.amazonaws.com',
      agentRuntime: 'https://bedrock-agent-runtime.eu-central-1.amazonaws.com',
      control: 'https://bedrock.eu-central-1.amazonaws.com',
    });
  });

  it('uses the China domain for China regions', () => {
    expect(awsBedrockEndpoints({ region: 'cn-north-1' }).runtime).toBe(
      'https://bedrock-runtime.cn-north-1.amazonaws.com.cn',
    );
  });

  it('derives sibling hosts from a bedrock-runtime base URL', () => {
    expect(
      awsBedrockEndpoints({
        region: 'us-east-1',
        baseUrl: 'https://bedrock-runtime-fips.us-east-1.amazonaws.com/',
      }),
    ).toEqual({
      region: 'us-east-1',
      runtime: 'https://bedrock-runtime-fips.us-east-1.amazonaws.com',
      agentRuntime: 'https://bedrock-agent-runtime-fips.us-east-1.amazonaws.com',
      control: 'https://bedrock-fips.us-east-1.amazonaws.com',
    });
  });

  it('sends everything to another base URL, keeping its path', () => {
    expect(awsBedrockEndpoints({ region: 'us-west-2', baseUrl: 'https://gateway.example.com/aws/' })).toEqual(
      {
        region: 'us-west-2',
        runtime: 'https://gateway.example.com/aws',
        agentRuntime: 'https://gateway.example.com/aws',
        control: 'https://gateway.example.com/aws',
      },
    );
  });

  it.each([undefined, '', 'us_east_1', 'evil.com/x', 'us-east-1.attacker.net', 'US-EAST-1'])(
    'refuses the region %j',
    (region) => {
      expect(() => awsBedrockEndpoints(region === undefined ? {} : { region })).toThrow(
        new InvalidArgumentError('config.region', 'must be an AWS region such as us-east-1'),
      );
    },
  );

  it('accepts GovCloud and other multi-part regions', () => {
    expect(awsBedrockEndpoints({ region: 'us-gov-west-1' }).control).toBe(
      'https://bedrock.us-gov-west-1.amazonaws.com',
    );
    expect(awsBedrockEndpoints({ region: 'ap-southeast-3' }).region).toBe('ap-southeast-3');
  });
});

describe('awsBedrockModelUrl', () => {
  const endpoints = awsBedrockEndpoints({ region: 'us-east-1' });

  it('encodes a model id with a version', () => {
    expect(awsBedrockModelUrl(endpoints, 'us.anthropic.claude-sonnet-4-5-20250929-v1:0', 'converse')).toBe(
      'https://bedrock-runtime.us-east-1.amazonaws.com/model/us.anthropic.claude-sonnet-4-5-20250929-v1%3A0/converse',
    );
  });

  it('encodes an ARN whole, slash included', () => {
    const arn = 'arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc123xyz';
    expect(awsBedrockModelUrl(endpoints, arn, 'converse-stream')).toBe(
      'https://bedrock-runtime.us-east-1.amazonaws.com/model/arn%3Aaws%3Abedrock%3Aus-east-1%3A123456789012%3Aapplication-inference-profile%2Fabc123xyz/converse-stream',
    );
  });
});

import { createHash, createHmac } from 'node:crypto';
import { InvalidArgumentError } from '@integration-api/core';
import { amzDate, awsCredentialsOf, signAwsRequest } from './aws-bedrock-sigv4.js';

// The credentials and time of AWS's published Signature Version 4 test suite.
const EXAMPLE = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
const SUITE_TIME = new Date('2015-08-30T12:36:00Z');

/** A from-scratch SigV4 of one request, to check the signer against something independent. */
function referenceSignature(input: {
  method: string;
  canonicalPath: string;
  headers: Record<string, string>;
  body: string;
  region: string;
  service: string;
  secretAccessKey: string;
}): string {
  const sha = (data: string) => createHash('sha256').update(data).digest('hex');
  const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();
  const names = Object.keys(input.headers).sort();
  const canonical = [
    input.method,
    input.canonicalPath,
    '',
    `${names.map((n) => `${n}:${input.headers[n]}`).join('\n')}\n`,
    names.join(';'),
    sha(input.body),
  ].join('\n');
  const dateTime = input.headers['x-amz-date']!;
  const scope = `${dateTime.slice(0, 8)}/${input.region}/${input.service}/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', dateTime, scope, sha(canonical)].join('\n');
  let key = hmac(`AWS4${input.secretAccessKey}`, dateTime.slice(0, 8));
  for (const part of [input.region, input.service, 'aws4_request']) key = hmac(key, part);
  return createHmac('sha256', key).update(toSign).digest('hex');
}

describe('signAwsRequest', () => {
  it('reproduces the get-vanilla vector of the AWS test suite', () => {
    const headers = signAwsRequest(
      { method: 'GET', url: 'https://example.amazonaws.com/' },
      { credentials: EXAMPLE, region: 'us-east-1', service: 'service', now: SUITE_TIME },
    );
    expect(headers).toEqual({
      host: 'example.amazonaws.com',
      'x-amz-date': '20150830T123600Z',
      authorization:
        'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, ' +
        'SignedHeaders=host;x-amz-date, ' +
        'Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31',
    });
  });

  it('reproduces the post-vanilla vector of the AWS test suite', () => {
    const headers = signAwsRequest(
      { method: 'POST', url: 'https://example.amazonaws.com/' },
      { credentials: EXAMPLE, region: 'us-east-1', service: 'service', now: SUITE_TIME },
    );
    expect(headers.authorization).toContain(
      'Signature=5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b',
    );
  });

  it('signs a Converse call for bedrock with the model ARN encoded twice in the canonical path', () => {
    const body = JSON.stringify({ messages: [{ role: 'user', content: [{ text: 'Hi' }] }] });
    const modelId = 'arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc123';
    const url = `https://bedrock-runtime.us-east-1.amazonaws.com/model/${encodeURIComponent(modelId)}/converse`;
    const headers = signAwsRequest(
      { method: 'POST', url, headers: { 'Content-Type': 'application/json' }, body },
      { credentials: EXAMPLE, region: 'us-east-1', now: SUITE_TIME },
    );

    const expected = referenceSignature({
      method: 'POST',
      canonicalPath: `/model/${encodeURIComponent(encodeURIComponent(modelId))}/converse`,
      headers: {
        'content-length': String(Buffer.byteLength(body)),
        'content-type': 'application/json',
        host: 'bedrock-runtime.us-east-1.amazonaws.com',
        'x-amz-date': '20150830T123600Z',
      },
      body,
      region: 'us-east-1',
      service: 'bedrock',
      secretAccessKey: EXAMPLE.secretAccessKey,
    });
    expect(headers.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/bedrock/aws4_request, ' +
        `SignedHeaders=content-length;content-type;host;x-amz-date, Signature=${expected}`,
    );
    expect(headers['content-type']).toBe('application/json');
    expect(headers['content-length']).toBe(String(Buffer.byteLength(body)));
    // Only S3 wants a payload hash header; aws4 adds none for bedrock.
    expect(headers['x-amz-content-sha256']).toBeUndefined();
  });

  it('sends and signs the session token of temporary credentials', () => {
    const headers = signAwsRequest(
      { method: 'GET', url: 'https://bedrock.eu-central-1.amazonaws.com/foundation-models' },
      {
        credentials: { ...EXAMPLE, sessionToken: 'session/token+value=' },
        region: 'eu-central-1',
        now: SUITE_TIME,
      },
    );
    expect(headers['x-amz-security-token']).toBe('session/token+value=');
    expect(headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/20150830\/eu-central-1\/bedrock\/aws4_request, SignedHeaders=host;x-amz-date;x-amz-security-token, Signature=[0-9a-f]{64}$/,
    );
  });

  it('signs the host with its port, as a local endpoint is called', () => {
    const headers = signAwsRequest(
      { method: 'GET', url: 'http://127.0.0.1:8443/foundation-models' },
      { credentials: EXAMPLE, region: 'us-east-1', now: SUITE_TIME },
    );
    expect(headers.host).toBe('127.0.0.1:8443');
  });

  it('gives the same signature for the same request and time, and another one a second later', () => {
    const sign = (now: Date) =>
      signAwsRequest(
        {
          method: 'POST',
          url: 'https://bedrock-runtime.us-west-2.amazonaws.com/model/m/converse',
          body: '{}',
        },
        { credentials: EXAMPLE, region: 'us-west-2', now },
      ).authorization;
    expect(sign(SUITE_TIME)).toBe(sign(new Date(SUITE_TIME)));
    expect(sign(new Date(SUITE_TIME.getTime() + 1000))).not.toBe(sign(SUITE_TIME));
  });

  it('never puts the secret access key in a header', () => {
    const headers = signAwsRequest(
      { method: 'GET', url: 'https://bedrock.us-east-1.amazonaws.com/foundation-models' },
      { credentials: EXAMPLE, region: 'us-east-1' },
    );
    expect(JSON.stringify(headers)).not.toContain(EXAMPLE.secretAccessKey);
  });
});

describe('amzDate', () => {
  it('formats the time without separators or milliseconds', () => {
    expect(amzDate(new Date('2026-01-02T03:04:05.678Z'))).toBe('20260102T030405Z');
  });
});

describe('awsCredentialsOf', () => {
  it('reads the key pair and the optional session token', () => {
    expect(awsCredentialsOf({ accessKeyId: 'AKID', secretAccessKey: 's' })).toEqual({
      accessKeyId: 'AKID',
      secretAccessKey: 's',
    });
    expect(awsCredentialsOf({ accessKeyId: 'ASIA', secretAccessKey: 's', sessionToken: 't' })).toEqual({
      accessKeyId: 'ASIA',
      secretAccessKey: 's',
      sessionToken: 't',
    });
  });

  it('names the missing field', () => {
    expect(() => awsCredentialsOf({ secretAccessKey: 's' })).toThrow(
      new InvalidArgumentError('secret.accessKeyId', 'is required'),
    );
    expect(() => awsCredentialsOf({ accessKeyId: 'AKID' })).toThrow(
      new InvalidArgumentError('secret.secretAccessKey', 'is required'),
    );
  });
});

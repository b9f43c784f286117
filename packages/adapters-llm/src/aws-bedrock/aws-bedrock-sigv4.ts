import { createHmac } from 'node:crypto';
import { InvalidArgumentError, type SecretPayload } from '@integration-api/core';
import aws4 from 'aws4';

export interface AwsCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** Present for temporary credentials (ASIA... key ids). */
  readonly sessionToken?: string;
}

export interface AwsSignableRequest {
  readonly method: string;
  /** Already percent-encoded where needed (the model id in the path); signed as it is sent. */
  readonly url: string | URL;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}

export interface AwsSigningOptions {
  readonly credentials: AwsCredentials;
  readonly region: string;
  /** Every Bedrock API (runtime, agent runtime, control plane) signs as `bedrock`. */
  readonly service?: string;
  /** The signing time; default now. */
  readonly now?: Date;
}

/** The credential of a stored secret; names the missing field. */
export function awsCredentialsOf(secret: SecretPayload): AwsCredentials {
  const accessKeyId = secret.accessKeyId;
  const secretAccessKey = secret.secretAccessKey;
  if (!accessKeyId) throw new InvalidArgumentError('secret.accessKeyId', 'is required');
  if (!secretAccessKey) throw new InvalidArgumentError('secret.secretAccessKey', 'is required');
  return {
    accessKeyId,
    secretAccessKey,
    ...(secret.sessionToken ? { sessionToken: secret.sessionToken } : {}),
  };
}

/**
 * Signs a request with AWS Signature Version 4 and returns every header to send (lowercase names):
 * the caller's, `host`, `x-amz-date`, `x-amz-security-token` for temporary credentials,
 * `content-length` for a body, and `authorization`. aws4 builds the canonical request (path
 * segments encoded a second time, as every service but S3 expects, so `%3A` in a model id signs as
 * `%253A`); the key derivation is done here because aws4 caches derived keys under the secret
 * access key, and the adapter must not keep a secret beyond the call.
 */
export function signAwsRequest(
  request: AwsSignableRequest,
  options: AwsSigningOptions,
): Record<string, string> {
  const url = new URL(request.url);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers ?? {})) headers[name.toLowerCase()] = value;
  headers.host = url.host;
  headers['x-amz-date'] = amzDate(options.now ?? new Date());

  const signer = new aws4.RequestSigner(
    {
      method: request.method,
      host: url.host,
      path: `${url.pathname}${url.search}`,
      headers,
      service: options.service ?? 'bedrock',
      region: options.region,
      ...(request.body !== undefined ? { body: request.body } : {}),
    },
    // Passed explicitly, always: aws4 would otherwise read the process environment.
    {
      accessKeyId: options.credentials.accessKeyId,
      secretAccessKey: options.credentials.secretAccessKey,
      ...(options.credentials.sessionToken ? { sessionToken: options.credentials.sessionToken } : {}),
    },
  );
  signer.signature = () =>
    hmac(
      signingKey(options.credentials.secretAccessKey, signer.getDate(), signer.region, signer.service),
      signer.stringToSign(),
    ).toString('hex');
  const signed = signer.sign();

  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(signed.headers ?? {})) {
    if (value !== undefined) result[name.toLowerCase()] = String(value);
  }
  return result;
}

/** `YYYYMMDDTHHMMSSZ`, the form of `x-amz-date`. */
export function amzDate(date: Date): string {
  return date.toISOString().replace(/[:-]|\.\d{3}/g, '');
}

function signingKey(secretAccessKey: string, date: string, region: string, service: string): Buffer {
  const kDate = hmac(`AWS4${secretAccessKey}`, date);
  const kRegion = hmac(kDate, region);
  const kService = hmac(kRegion, service);
  return hmac(kService, 'aws4_request');
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

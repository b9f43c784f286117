import { createHash, createHmac } from 'node:crypto';
import { json, type MockHandler, type RecordedRequest } from '@integration-api/adapters-llm/testing';

// Provider wire formats the mock plays and the checks on what it receives, shared by the end-to-end
// suites that drive providers through gRPC and through the OpenAI-compatible API.

/** A `generateContent` answer (one chunk of `streamGenerateContent`), as the Gemini API and Vertex AI send. */
export const googleAnswer = (
  parts: unknown[],
  finishReason: string | undefined,
  usage?: [number, number],
  responseId = 'e2eResponse01',
) => ({
  candidates: [{ content: { role: 'model', parts }, ...(finishReason ? { finishReason } : {}), index: 0 }],
  ...(usage
    ? {
        usageMetadata: {
          promptTokenCount: usage[0],
          candidatesTokenCount: usage[1],
          totalTokenCount: usage[0] + usage[1],
        },
      }
    : {}),
  modelVersion: 'gemini-2.5-flash',
  responseId,
});

/** Binary AWS event-stream frames, as ConverseStream answers; silent after `hangAfter` frames. */
export function awsEventStream(
  frames: readonly Uint8Array[],
  headers: Record<string, string> = {},
  hangAfter?: number,
): MockHandler {
  return (_request, response) => {
    response.writeHead(200, { 'content-type': 'application/vnd.amazon.eventstream', ...headers });
    for (const frame of frames.slice(0, hangAfter)) response.write(frame);
    if (hangAfter === undefined) response.end();
  };
}

export interface AwsKey {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly region: string;
}

const sha256 = (data: string) => createHash('sha256').update(data, 'utf8').digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();
const rfc3986 = (text: string) =>
  encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * Recomputes the SigV4 signature of a received request with the secret access key the test stored:
 * proves the gateway signed with the decrypted secret, for the right region and for Bedrock.
 */
export function expectSigV4(request: RecordedRequest, aws: AwsKey): void {
  const match =
    /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(
      String(request.headers.authorization),
    );
  expect(match).not.toBeNull();
  const [, keyId, date, region, service, signedHeaders, signature] = match!;
  expect({ keyId, region, service }).toEqual({
    keyId: aws.accessKeyId,
    region: aws.region,
    service: 'bedrock',
  });
  const amzDate = String(request.headers['x-amz-date']);
  expect(amzDate.slice(0, 8)).toBe(date);
  expect(signedHeaders!.split(';')).toEqual(expect.arrayContaining(['host', 'x-amz-date']));

  // Non-S3 services sign each path segment encoded once more (`%3A` signs as `%253A`).
  const canonicalPath = request.path
    .split('/')
    .map((segment) => rfc3986(segment))
    .join('/');
  const canonicalQuery = Object.keys(request.query)
    .sort()
    .map((key) => `${rfc3986(key)}=${rfc3986(request.query[key]!)}`)
    .join('&');
  const canonicalHeaders = signedHeaders!
    .split(';')
    .map((name) => `${name}:${String(request.headers[name]).trim().replace(/\s+/g, ' ')}\n`)
    .join('');
  const canonical = [
    request.method,
    canonicalPath,
    canonicalQuery,
    canonicalHeaders,
    signedHeaders,
    sha256(request.body),
  ].join('\n');
  const scope = `${date}/${region}/${service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonical)].join('\n');
  const key = ['aws4_request'].reduce(
    (k, part) => hmac(k, part),
    hmac(hmac(hmac(`AWS4${aws.secretAccessKey}`, date!), region!), service!),
  );
  expect(signature).toBe(hmac(key, stringToSign).toString('hex'));
}

/** A non-streamed Messages API answer. */
export const anthropicMessage = (content: unknown[], stopReason: string, usage: [number, number]) =>
  json(200, {
    id: 'msg_e2e_01',
    type: 'message',
    role: 'assistant',
    model: 'claude-sonnet-4-5-20250929',
    content,
    stop_reason: stopReason,
    stop_sequence: null,
    usage: { input_tokens: usage[0], output_tokens: usage[1] },
  });

export const BEDROCK_REQUEST_ID = '8f1e2d3c-e2e0-4a5b-9c8d-000000000001';

/** A Converse answer (which names no model: the adapter reports the one it called). */
export const converseAnswer = (content: unknown[], stopReason: string, usage: [number, number]) =>
  json(
    200,
    {
      output: { message: { role: 'assistant', content } },
      stopReason,
      usage: { inputTokens: usage[0], outputTokens: usage[1], totalTokens: usage[0] + usage[1] },
      metrics: { latencyMs: 321 },
    },
    { 'x-amzn-requestid': BEDROCK_REQUEST_ID },
  );

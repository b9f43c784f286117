import { createHash, createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { OutgoingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import {
  CancelledError,
  ChatStreamAccumulator,
  InvalidArgumentError,
  type ChatRequest,
  type ChatStreamEvent,
  type ProviderAdapter,
  type ProviderCall,
} from '@integration-api/core';
import { UpstreamClients } from '../http/upstream-clients.js';
import {
  MockProviderServer,
  hang,
  json,
  text,
  type MockHandler,
  type RecordedRequest,
} from '../testing/index.js';
import { createAwsBedrockAdapter } from './aws-bedrock-adapter.js';
import {
  encodeAwsBedrockChunksText,
  encodeAwsBedrockEvent,
  encodeAwsBedrockException,
} from './aws-bedrock-event-stream-encoder.js';

const SECRET = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
};
const NOW = new Date('2026-03-01T10:20:30Z');
const CLAUDE = 'us.anthropic.claude-sonnet-4-5-20250929-v1:0';
const REQUEST_ID = '3f1c9a2e-7b4d-4e8f-a1b2-c3d4e5f60718';

const request: ChatRequest = {
  model: CLAUDE,
  messages: [
    { role: 'system', content: 'Be terse.' },
    { role: 'user', content: 'Why is the sky blue?' },
  ],
  maxOutputTokens: 200,
};

const fixtureText = (name: string) => readFileSync(join(__dirname, '__fixtures__', name), 'utf8');
const fixtureJson = (name: string): unknown => JSON.parse(fixtureText(name));

interface EventStreamOptions {
  readonly headers?: OutgoingHttpHeaders;
  /** Writes the frames in pieces of this many bytes, splitting frames anywhere. */
  readonly chunkBytes?: number;
  /** Cuts the connection after this many frames. */
  readonly truncateAfter?: number;
  /** Goes silent after this many frames, keeping the connection open. */
  readonly hangAfter?: number;
}

/** Answers with binary event-stream frames, as ConverseStream does. */
function eventStream(frames: readonly Uint8Array[], options: EventStreamOptions = {}): MockHandler {
  return (_request, response) => {
    response.writeHead(200, {
      'content-type': 'application/vnd.amazon.eventstream',
      'x-amzn-requestid': REQUEST_ID,
      ...options.headers,
    });
    response.flushHeaders();
    for (const [i, frame] of frames.entries()) {
      if (i === options.truncateAfter) {
        response.destroy();
        return;
      }
      if (i === options.hangAfter) return;
      const bytes = Buffer.from(frame);
      const size = options.chunkBytes ?? bytes.length;
      for (let at = 0; at < bytes.length; at += size) response.write(bytes.subarray(at, at + size));
    }
    response.end();
  };
}

/**
 * Checks a received request's SigV4 signature the way AWS does: from the method, the path as
 * sent (each segment encoded again), the signed headers as received and the body's hash.
 */
function verifySignature(received: RecordedRequest, secretAccessKey: string): void {
  const authorization = String(received.headers.authorization);
  const match =
    /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(
      authorization,
    );
  expect(match).not.toBeNull();
  const [, , date, region, service, signedHeaders, signature] = match!;
  const names = signedHeaders!.split(';');
  const canonicalPath = received.path
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
  const query = new URLSearchParams(received.query).toString();
  const sha = (data: string) => createHash('sha256').update(data).digest('hex');
  const canonical = [
    received.method,
    canonicalPath,
    query,
    `${names.map((name) => `${name}:${String(received.headers[name]).trim()}`).join('\n')}\n`,
    signedHeaders,
    sha(received.body),
  ].join('\n');
  const dateTime = String(received.headers['x-amz-date']);
  const toSign = [
    'AWS4-HMAC-SHA256',
    dateTime,
    `${date}/${region}/${service}/aws4_request`,
    sha(canonical),
  ].join('\n');
  let key = createHmac('sha256', `AWS4${secretAccessKey}`).update(date!).digest();
  for (const part of [region!, service!, 'aws4_request'])
    key = createHmac('sha256', key).update(part).digest();
  expect(createHmac('sha256', key).update(toSign).digest('hex')).toBe(signature);
  expect(names).toEqual(expect.arrayContaining(['host', 'x-amz-date']));
}

async function collect(stream: AsyncIterable<ChatStreamEvent>, into: ChatStreamEvent[] = []) {
  for await (const event of stream) into.push(event);
  return into;
}

/** Polls until the condition holds: progress, not a duration, decides when to go on. */
async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}

describe('AWS Bedrock adapter', () => {
  let server: MockProviderServer;
  let clients: UpstreamClients;
  let adapter: ProviderAdapter;

  const call = <R>(req: R, overrides: Partial<ProviderCall<R>> = {}): ProviderCall<R> => ({
    request: req,
    secret: SECRET,
    config: { region: 'us-east-1', baseUrl: server.url },
    signal: new AbortController().signal,
    ...overrides,
  });
  const converse = `/model/${encodeURIComponent(CLAUDE)}/converse`;
  const converseStream = `/model/${encodeURIComponent(CLAUDE)}/converse-stream`;

  beforeEach(async () => {
    server = await MockProviderServer.start();
    clients = new UpstreamClients({ allowPrivate: true, headersTimeoutMs: 500, bodyTimeoutMs: 500 });
    adapter = createAwsBedrockAdapter({ clients, timeoutMs: 500, embedConcurrency: 2, now: () => NOW });
  });

  afterEach(async () => {
    await clients.close();
    await server.close();
  });

  describe('chat', () => {
    it('posts a signed Converse request and parses the answer with its request id', async () => {
      server.route(
        'POST',
        converse,
        json(200, fixtureJson('aws-bedrock-text.json'), { 'x-amzn-requestid': REQUEST_ID }),
      );

      const result = await adapter.chat!(call(request));

      const [received] = server.requests;
      expect(received!.headers).toMatchObject({
        'content-type': 'application/json',
        accept: 'application/json',
        'x-amz-date': '20260301T102030Z',
        authorization: expect.stringMatching(
          /^AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE\/20260301\/us-east-1\/bedrock\/aws4_request, /,
        ),
      });
      expect(received!.headers).not.toHaveProperty('x-amz-security-token');
      verifySignature(received!, SECRET.secretAccessKey);
      expect(received!.json).toEqual({
        messages: [{ role: 'user', content: [{ text: 'Why is the sky blue?' }] }],
        system: [{ text: 'Be terse.' }],
        inferenceConfig: { maxTokens: 200 },
      });
      expect(result).toEqual({
        message: {
          text: 'Blue light scatters more than red light in the atmosphere, so the sky looks blue.',
          toolCalls: [],
        },
        finishReason: 'stop',
        rawFinishReason: 'end_turn',
        usage: { inputTokens: 14, outputTokens: 21, totalTokens: 35, cachedInputTokens: 0 },
        model: CLAUDE,
        providerRequestId: REQUEST_ID,
      });
    });

    it('calls an ARN model with the ARN encoded as one path segment, signed as sent', async () => {
      const arn = 'arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc123xyz';
      server.route('POST', /^\/model\/.*\/converse$/, json(200, fixtureJson('aws-bedrock-text.json')));

      await adapter.chat!(call({ ...request, model: arn }));

      const [received] = server.requests;
      expect(received!.path).toBe(
        '/model/arn%3Aaws%3Abedrock%3Aus-east-1%3A123456789012%3Aapplication-inference-profile%2Fabc123xyz/converse',
      );
      verifySignature(received!, SECRET.secretAccessKey);
    });

    it('sends and signs the session token of temporary credentials', async () => {
      server.route('POST', converse, json(200, fixtureJson('aws-bedrock-text.json')));
      const secret = {
        ...SECRET,
        accessKeyId: 'ASIAIOSFODNN7EXAMPLE',
        sessionToken: 'FwoGZXIvYXdzEXAMPLETOKEN',
      };

      await adapter.chat!(call(request, { secret }));

      const [received] = server.requests;
      expect(received!.headers['x-amz-security-token']).toBe('FwoGZXIvYXdzEXAMPLETOKEN');
      expect(String(received!.headers.authorization)).toContain(
        'SignedHeaders=accept;content-length;content-type;host;x-amz-date;x-amz-security-token',
      );
      verifySignature(received!, SECRET.secretAccessKey);
    });

    it('reads tool calls', async () => {
      server.route('POST', converse, json(200, fixtureJson('aws-bedrock-tool-call.json')));
      const result = await adapter.chat!(
        call({ ...request, tools: [{ name: 'get_weather', parameters: { type: 'object' } }] }),
      );
      expect(result.finishReason).toBe('tool_calls');
      expect(result.message.toolCalls[0]).toEqual({
        id: 'tooluse_Lq2mB7uQRW6v1H9sX0aZcA',
        name: 'get_weather',
        arguments: '{"city":"Lisbon"}',
      });
      expect(server.requests[0]!.json).toMatchObject({
        toolConfig: {
          tools: [{ toolSpec: { name: 'get_weather', inputSchema: { json: { type: 'object' } } } }],
        },
      });
    });

    it('tells an unknown key from a missing permission, both 403', async () => {
      server.route(
        'POST',
        converse,
        json(
          403,
          { message: 'The security token included in the request is invalid.' },
          {
            'x-amzn-errortype':
              'UnrecognizedClientException:http://internal.amazon.com/coral/com.amazon.coral.service/',
          },
        ),
        { times: 1 },
      );
      await expect(adapter.chat!(call(request))).rejects.toMatchObject({
        code: 'provider_auth_failed',
        message:
          'aws-bedrock: UnrecognizedClientException: The security token included in the request is invalid.',
      });

      server.route(
        'POST',
        converse,
        json(
          403,
          { Message: "You don't have access to the model with the specified model ID." },
          {
            'x-amzn-errortype': 'AccessDeniedException:http://internal.amazon.com/coral/com.amazon.bedrock/',
          },
        ),
      );
      await expect(adapter.chat!(call(request))).rejects.toMatchObject({
        code: 'provider_permission_denied',
      });
    });

    it('passes a throttling answer on with its wait, scrubbed of the secret', async () => {
      server.route(
        'POST',
        converse,
        json(
          429,
          { message: `Too many requests for ${SECRET.secretAccessKey}` },
          {
            'x-amzn-errortype': 'ThrottlingException:http://internal.amazon.com/coral/com.amazon.bedrock/',
            'retry-after': '2',
          },
        ),
      );
      const error: unknown = await adapter.chat!(call(request)).catch((e: unknown) => e);
      expect(error).toMatchObject({
        code: 'provider_rate_limited',
        details: { retryAfterSeconds: 2, status: 429 },
      });
      expect((error as Error).message).not.toContain(SECRET.secretAccessKey);
    });

    it('sends tool calls and their results back as toolUse and toolResult blocks', async () => {
      server.route('POST', converse, json(200, fixtureJson('aws-bedrock-text.json')));
      await adapter.chat!(
        call({
          model: CLAUDE,
          messages: [
            { role: 'user', content: 'Weather in Lisbon?' },
            {
              role: 'assistant',
              toolCalls: [{ id: 'tooluse_1', name: 'get_weather', arguments: '{"city":"Lisbon"}' }],
            },
            { role: 'tool', toolCallId: 'tooluse_1', content: '{"celsius":21}' },
          ],
          tools: [{ name: 'get_weather', parameters: { type: 'object' } }],
        }),
      );
      expect((server.requests[0]!.json as { messages: unknown[] }).messages).toEqual([
        { role: 'user', content: [{ text: 'Weather in Lisbon?' }] },
        {
          role: 'assistant',
          content: [{ toolUse: { toolUseId: 'tooluse_1', name: 'get_weather', input: { city: 'Lisbon' } } }],
        },
        {
          role: 'user',
          content: [{ toolResult: { toolUseId: 'tooluse_1', content: [{ text: '{"celsius":21}' }] } }],
        },
      ]);
    });

    it('sends an inline image and refuses one by URL before calling Bedrock', async () => {
      server.route('POST', converse, json(200, fixtureJson('aws-bedrock-text.json')));
      const image =
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
      await adapter.chat!(
        call({
          model: CLAUDE,
          messages: [{ role: 'user', content: [{ type: 'image', data: image, mediaType: 'image/png' }] }],
        }),
      );
      expect((server.requests[0]!.json as { messages: unknown[] }).messages).toEqual([
        { role: 'user', content: [{ image: { format: 'png', source: { bytes: image } } }] },
      ]);
      await expect(
        adapter.chat!(
          call({
            model: CLAUDE,
            messages: [{ role: 'user', content: [{ type: 'image', url: 'https://example.com/a.png' }] }],
          }),
        ),
      ).rejects.toMatchObject({ code: 'invalid_argument', details: { field: 'messages[0].content[0].url' } });
      expect(server.requests).toHaveLength(1);
    });

    it('times out when Bedrock never answers', async () => {
      server.route('POST', converse, hang());
      await expect(adapter.chat!(call(request))).rejects.toMatchObject({ code: 'provider_timeout' });
    });

    it('throws CancelledError when the caller aborts before the answer', async () => {
      server.route('POST', converse, hang());
      const controller = new AbortController();
      const pending = adapter.chat!(call(request, { signal: controller.signal }));
      setImmediate(() => controller.abort());
      await expect(pending).rejects.toBeInstanceOf(CancelledError);
    });

    it('refuses a request it cannot send before calling Bedrock', async () => {
      await expect(adapter.chat!(call(request, { config: { baseUrl: server.url } }))).rejects.toThrow(
        new InvalidArgumentError('config.region', 'must be an AWS region such as us-east-1'),
      );
      await expect(adapter.chat!(call(request, { secret: { accessKeyId: 'AKID' } }))).rejects.toThrow(
        InvalidArgumentError,
      );
      expect(server.requests).toHaveLength(0);
    });
  });

  describe('streamChat', () => {
    it('decodes frames split across chunks into events that end with the usage and one finish', async () => {
      server.route(
        'POST',
        converseStream,
        eventStream(encodeAwsBedrockChunksText(fixtureText('aws-bedrock-tool-call.chunks.txt')), {
          chunkBytes: 7,
        }),
      );

      const events = await collect(adapter.streamChat!(call(request)));

      const [received] = server.requests;
      expect(received!.headers.accept).toBe('application/vnd.amazon.eventstream');
      verifySignature(received!, SECRET.secretAccessKey);
      expect(events.filter((e) => e.type === 'finish')).toHaveLength(1);
      expect(events.slice(-2)).toEqual([
        { type: 'usage', usage: { inputTokens: 310, outputTokens: 88, totalTokens: 398 } },
        {
          type: 'finish',
          finishReason: 'tool_calls',
          rawFinishReason: 'tool_use',
          model: CLAUDE,
          providerRequestId: REQUEST_ID,
        },
      ]);
      const accumulator = new ChatStreamAccumulator();
      events.forEach((event) => accumulator.add(event));
      expect(accumulator.result().message).toEqual({
        text: 'Checking both cities.',
        toolCalls: [
          { id: 'tooluse_Lq2mB7uQRW6v1H9sX0aZcA', name: 'get_weather', arguments: '{"city": "Lisbon"}' },
          { id: 'tooluse_8dKf3NnYTbO0pQe5rS1uVw', name: 'get_time', arguments: '{}' },
        ],
      });
    });

    it('streams reasoning apart from the text', async () => {
      server.route(
        'POST',
        converseStream,
        eventStream(encodeAwsBedrockChunksText(fixtureText('aws-bedrock-reasoning.chunks.txt'))),
      );
      const accumulator = new ChatStreamAccumulator();
      (
        await collect(
          adapter.streamChat!(call({ ...request, reasoningBudgetTokens: 1024, maxOutputTokens: 4000 })),
        )
      ).forEach((event) => accumulator.add(event));
      expect(accumulator.result().message).toEqual({
        text: 'The answer is **55**.',
        reasoning: '17 * 3 is 51, plus 4 is 55.',
        toolCalls: [],
      });
      expect(server.requests[0]!.json).toMatchObject({
        additionalModelRequestFields: { thinking: { type: 'enabled', budget_tokens: 1024 } },
        inferenceConfig: { maxTokens: 4000 },
      });
    });

    it('throws an exception frame after yielding what came before it', async () => {
      const frames = [
        encodeAwsBedrockEvent('messageStart', { role: 'assistant' }),
        encodeAwsBedrockEvent('contentBlockDelta', { contentBlockIndex: 0, delta: { text: 'Blue' } }),
        encodeAwsBedrockException('throttlingException', 'Too many tokens, please wait before trying again.'),
      ];
      server.route('POST', converseStream, eventStream(frames));
      const seen: ChatStreamEvent[] = [];
      await expect(collect(adapter.streamChat!(call(request)), seen)).rejects.toMatchObject({
        code: 'provider_rate_limited',
        message: 'aws-bedrock: ThrottlingException: Too many tokens, please wait before trying again.',
      });
      expect(seen).toEqual([{ type: 'text-delta', delta: 'Blue' }]);
    });

    it('throws when the connection is cut mid-stream', async () => {
      const frames = encodeAwsBedrockChunksText(fixtureText('aws-bedrock-text.chunks.txt'));
      server.route('POST', converseStream, eventStream(frames, { truncateAfter: 3 }));
      await expect(collect(adapter.streamChat!(call(request)))).rejects.toMatchObject({
        code: 'provider_unavailable',
      });
    });

    it('throws when the body ends cleanly before messageStop', async () => {
      const frames = encodeAwsBedrockChunksText(fixtureText('aws-bedrock-text.chunks.txt')).slice(0, 4);
      server.route('POST', converseStream, eventStream(frames));
      await expect(collect(adapter.streamChat!(call(request)))).rejects.toMatchObject({
        code: 'provider_error',
        message: 'aws-bedrock: the stream ended before its messageStop event',
      });
    });

    it('throws when the body ends inside a frame', async () => {
      const frames = encodeAwsBedrockChunksText(fixtureText('aws-bedrock-text.chunks.txt'));
      const last = frames[frames.length - 1]!;
      frames[frames.length - 1] = last.subarray(0, last.length - 3);
      server.route('POST', converseStream, eventStream(frames));
      await expect(collect(adapter.streamChat!(call(request)))).rejects.toMatchObject({
        code: 'provider_error',
        message: 'aws-bedrock: the event stream ended inside a message',
      });
    });

    it('throws on a corrupt frame', async () => {
      const frame = Buffer.from(encodeAwsBedrockEvent('messageStart', { role: 'assistant' }));
      frame[frame.length - 1] = frame[frame.length - 1]! ^ 0xff;
      server.route('POST', converseStream, eventStream([frame]));
      await expect(collect(adapter.streamChat!(call(request)))).rejects.toMatchObject({
        code: 'provider_error',
        message: expect.stringContaining('the event stream is corrupt'),
      });
    });

    it('throws an HTTP error answered before the stream began', async () => {
      server.route(
        'POST',
        converseStream,
        json(
          400,
          { message: 'The model returned the following errors: messages.0 is empty' },
          {
            'x-amzn-errortype': 'ValidationException:http://internal.amazon.com/coral/com.amazon.bedrock/',
          },
        ),
      );
      await expect(collect(adapter.streamChat!(call(request)))).rejects.toMatchObject({
        code: 'provider_invalid_request',
        details: { status: 400 },
      });
    });

    it('times out when the stream goes silent', async () => {
      const frames = encodeAwsBedrockChunksText(fixtureText('aws-bedrock-text.chunks.txt'));
      server.route('POST', converseStream, eventStream(frames, { hangAfter: 2 }));
      await expect(collect(adapter.streamChat!(call(request)))).rejects.toMatchObject({
        code: 'provider_timeout',
      });
    });

    it('closes the upstream connection when the consumer stops reading', async () => {
      const frames = encodeAwsBedrockChunksText(fixtureText('aws-bedrock-text.chunks.txt'));
      server.route('POST', converseStream, eventStream(frames, { hangAfter: 2 }));
      for await (const event of adapter.streamChat!(call(request))) {
        if (event.type === 'text-delta') break;
      }
      await expect(server.responseEnd()).resolves.toBe('closed-early');
    });

    it('reports a caller abort mid-stream as a cancellation and closes the upstream connection', async () => {
      const frames = encodeAwsBedrockChunksText(fixtureText('aws-bedrock-text.chunks.txt'));
      server.route('POST', converseStream, eventStream(frames, { hangAfter: 3 }));
      const controller = new AbortController();
      const seen: ChatStreamEvent[] = [];
      const stream = collect(adapter.streamChat!(call(request, { signal: controller.signal })), seen);
      await waitFor(() => seen.some((e) => e.type === 'text-delta'));
      controller.abort();
      await expect(stream).rejects.toMatchObject({ code: 'cancelled' });
      await expect(server.responseEnd()).resolves.toBe('closed-early');
    });
  });

  describe('embed', () => {
    const titan = 'amazon.titan-embed-text-v2:0';

    it('embeds each text with its own Titan call, at most embedConcurrency at once, in input order', async () => {
      let inFlight = 0;
      let most = 0;
      const waiting: (() => void)[] = [];
      server.route('POST', `/model/${encodeURIComponent(titan)}/invoke`, async (received, response) => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        // Hold each answer until a second call is in (or none can come), so concurrency shows.
        await new Promise<void>((resolve) => {
          waiting.push(resolve);
          if (waiting.length >= 2 || server.requests.length === 3) waiting.splice(0).forEach((go) => go());
        });
        inFlight -= 1;
        const input = (received.json as { inputText: string }).inputText;
        response.writeHead(200, { 'content-type': 'application/json', 'x-amzn-requestid': `req-${input}` });
        response.end(JSON.stringify({ embedding: [input.length, 0.5], inputTextTokenCount: input.length }));
      });

      const result = await adapter.embed!(
        call({ model: titan, inputs: ['a', 'bb', 'ccc'], dimensions: 256 }),
      );

      expect(server.requests).toHaveLength(3);
      expect(most).toBe(2);
      expect(server.requests.map((r) => r.json)).toEqual(
        expect.arrayContaining([
          { inputText: 'a', dimensions: 256 },
          { inputText: 'bb', dimensions: 256 },
          { inputText: 'ccc', dimensions: 256 },
        ]),
      );
      server.requests.forEach((received) => verifySignature(received, SECRET.secretAccessKey));
      expect(result).toEqual({
        embeddings: [
          [1, 0.5],
          [2, 0.5],
          [3, 0.5],
        ],
        usage: { inputTokens: 6, totalTokens: 6 },
        model: titan,
        providerRequestId: 'req-a',
      });
    });

    it('embeds with Cohere in batches of 96, queries as search_query, counting the header tokens', async () => {
      const cohere = 'cohere.embed-multilingual-v3';
      server.route('POST', `/model/${encodeURIComponent(cohere)}/invoke`, (received, response) => {
        const texts = (received.json as { texts: string[] }).texts;
        response.writeHead(200, {
          'content-type': 'application/json',
          'x-amzn-bedrock-input-token-count': String(texts.length * 2),
        });
        response.end(
          JSON.stringify({ embeddings: texts.map((t) => [Number(t)]), response_type: 'embeddings_floats' }),
        );
      });
      const inputs = Array.from({ length: 100 }, (_, i) => String(i));

      const result = await adapter.embed!(call({ model: cohere, inputs, inputType: 'query' }));

      expect(server.requests.map((r) => (r.json as { texts: string[] }).texts.length).sort()).toEqual([
        4, 96,
      ]);
      expect(server.requests[0]!.json).toMatchObject({ input_type: 'search_query' });
      expect(result.embeddings).toEqual(inputs.map((t) => [Number(t)]));
      expect(result.usage).toEqual({ inputTokens: 200, totalTokens: 200 });
    });

    it('fails the whole call when one text fails', async () => {
      server.route('POST', `/model/${encodeURIComponent(titan)}/invoke`, (received, response) => {
        const input = (received.json as { inputText: string }).inputText;
        if (input === 'bad') {
          response.writeHead(400, {
            'content-type': 'application/json',
            'x-amzn-errortype': 'ValidationException',
          });
          response.end(JSON.stringify({ message: 'Malformed input request' }));
          return;
        }
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ embedding: [1], inputTextTokenCount: 1 }));
      });
      await expect(adapter.embed!(call({ model: titan, inputs: ['ok', 'bad', 'ok'] }))).rejects.toMatchObject(
        {
          code: 'provider_invalid_request',
          message: 'aws-bedrock: ValidationException: Malformed input request',
        },
      );
    });

    it('refuses a model it cannot embed with', async () => {
      await expect(adapter.embed!(call({ model: CLAUDE, inputs: ['x'] }))).rejects.toBeInstanceOf(
        InvalidArgumentError,
      );
    });
  });

  describe('rerank', () => {
    it('posts a signed Rerank request to the agent runtime and reads the results', async () => {
      server.route(
        'POST',
        '/rerank',
        json(200, fixtureJson('aws-bedrock-reranking.json'), { 'x-amzn-requestid': REQUEST_ID }),
      );

      const result = await adapter.rerank!(
        call({
          model: 'cohere.rerank-v3-5:0',
          query: 'rainy day',
          documents: ['sunny', 'storm', 'drizzle'],
          topN: 2,
        }),
      );

      const [received] = server.requests;
      verifySignature(received!, SECRET.secretAccessKey);
      expect(received!.json).toMatchObject({
        queries: [{ type: 'TEXT', textQuery: { text: 'rainy day' } }],
        rerankingConfiguration: {
          bedrockRerankingConfiguration: {
            numberOfResults: 2,
            modelConfiguration: {
              modelArn: 'arn:aws:bedrock:us-east-1::foundation-model/cohere.rerank-v3-5:0',
            },
          },
        },
      });
      expect(result).toEqual({
        results: [
          { index: 2, relevanceScore: 0.8731027245521545 },
          { index: 0, relevanceScore: 0.2140851765871048 },
        ],
        usage: {},
        model: 'cohere.rerank-v3-5:0',
        providerRequestId: REQUEST_ID,
      });
    });
  });

  describe('verify', () => {
    const verify = (secret: Record<string, string> = SECRET) =>
      adapter.verify!({ secret, config: { region: 'eu-west-1', baseUrl: server.url } });

    it('accepts a credential that can list foundation models, signed for the region', async () => {
      server.route('GET', '/foundation-models', json(200, { modelSummaries: [] }));
      await expect(verify()).resolves.toEqual({ ok: true });
      const [received] = server.requests;
      expect(String(received!.headers.authorization)).toContain('/eu-west-1/bedrock/aws4_request');
      verifySignature(received!, SECRET.secretAccessKey);
    });

    it.each([
      ['UnrecognizedClientException', 'invalid_credential'],
      ['InvalidSignatureException', 'invalid_credential'],
      ['AccessDeniedException', 'permission_denied'],
    ])('turns a 403 %s into the refusal %s', async (type, reason) => {
      server.route(
        'GET',
        '/foundation-models',
        json(
          403,
          { message: 'refused' },
          { 'x-amzn-errortype': `${type}:http://internal.amazon.com/coral/` },
        ),
      );
      await expect(verify()).resolves.toEqual({ ok: false, reason, message: `${type}: refused` });
    });

    it('decides nothing on a server error or throttling, and says which it was', async () => {
      server.route('GET', '/foundation-models', text(500, 'oops'), { times: 1 });
      await expect(verify()).rejects.toMatchObject({ code: 'provider_unavailable' });
      server.route(
        'GET',
        '/foundation-models',
        json(429, { message: 'slow down' }, { 'x-amzn-errortype': 'ThrottlingException' }),
      );
      await expect(verify()).rejects.toMatchObject({ code: 'provider_rate_limited', kind: 'rate_limited' });
    });

    it('refuses a credential missing its secret key without calling AWS', async () => {
      await expect(verify({ accessKeyId: 'AKIAIOSFODNN7EXAMPLE' })).rejects.toThrow(
        new InvalidArgumentError('secret.secretAccessKey', 'is required'),
      );
      expect(server.requests).toHaveLength(0);
    });
  });
});

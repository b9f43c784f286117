import { request as httpRequest, type IncomingMessage } from 'node:http';
import {
  ProviderError,
  type ChatRequest,
  type ChatStreamEvent,
  type EmbedRequest,
  type ProviderRegistry,
  type RerankRequest,
} from '@integration-api/core';
import { ScriptedAdapter, TEST_PROVIDER_SPEC, abortOf, testPrincipal } from '@integration-api/core/testing';
import type { FastifyInstance } from 'fastify';
import OpenAI, {
  APIError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
} from 'openai';
import { bearer, testApp, TOKENS } from '../testing/test-app.js';

/**
 * The OpenAI-compatible API driven by the official `openai` SDK, over the real app, core services
 * and in-memory fakes, with a provider adapter scripted per test (the real adapters and their wire
 * formats are tested in adapters-llm).
 */

async function* events(...list: ChatStreamEvent[]): AsyncIterable<ChatStreamEvent> {
  yield* list;
}

const ALL = { chat: true, streaming: true, tools: true, vision: true, embeddings: true, rerank: true };
const NUMBER_TEXT = /^\d+(\.\d)?$/;

describe('OpenAI-compatible API through the official SDK', () => {
  let app: FastifyInstance;
  let baseURL: string;
  let client: OpenAI;
  const openai = new ScriptedAdapter({ ...TEST_PROVIDER_SPEC, capabilities: { ...ALL, verify: false } });
  // A provider that can do nothing the API serves, to leave out of the model list.
  const inert = new ScriptedAdapter({ ...TEST_PROVIDER_SPEC, id: 'replicate' });

  beforeAll(async () => {
    const adapters = [openai, inert];
    const providers: ProviderRegistry = {
      list: () => adapters,
      get: (id) => adapters.find((adapter) => adapter.spec.id === id),
    };
    const t = await testApp({ providers });
    app = t.app;
    const owner = testPrincipal();
    for (const [provider, name] of [
      ['openai', 'main'],
      ['openai', 'hf'],
      ['replicate', 'inert'],
    ] as const) {
      await t.credentials.create(owner, { provider, name, secret: 'sk-test-0123456789abcd', verify: false });
    }
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as { port: number };
    baseURL = `http://127.0.0.1:${port}/v1`;
    // An inference-only token: what a deployed application would hold.
    client = new OpenAI({ baseURL, apiKey: TOKENS.inference, maxRetries: 0 });
  });

  afterAll(async () => {
    await app.close();
  });

  beforeEach(() => {
    openai.reset();
  });

  describe('chat completions', () => {
    it('maps the request to core and answers in OpenAI’s shape, with the overhead header', async () => {
      openai.onChat = async () => ({
        message: { text: 'Hello!', toolCalls: [] },
        finishReason: 'stop',
        usage: { inputTokens: 12, outputTokens: 3, cachedInputTokens: 4, reasoningTokens: 1 },
        model: 'gpt-test-2025-01-01',
      });

      const { data, response } = await client.chat.completions
        .create({
          model: 'main/gpt-test',
          messages: [
            { role: 'developer', content: 'Be brief.' },
            { role: 'user', content: [{ type: 'text', text: 'Hi' }] },
          ],
          temperature: 0.2,
          max_completion_tokens: 50,
          stop: 'END',
          seed: 7,
          user: 'someone', // accepted and ignored
          logprobs: false,
          response_format: { type: 'json_object' },
          reasoning_effort: 'low',
        })
        .withResponse();

      expect(data).toEqual({
        id: expect.stringMatching(/^chatcmpl-/),
        object: 'chat.completion',
        created: expect.any(Number),
        model: 'main/gpt-test-2025-01-01',
        choices: [
          {
            index: 0,
            message: { role: 'assistant', content: 'Hello!', refusal: null },
            logprobs: null,
            finish_reason: 'stop',
          },
        ],
        usage: {
          prompt_tokens: 12,
          completion_tokens: 3,
          total_tokens: 15,
          prompt_tokens_details: { cached_tokens: 4 },
          completion_tokens_details: { reasoning_tokens: 1 },
        },
      });
      expect(response.headers.get('x-integration-overhead-ms')).toMatch(NUMBER_TEXT);
      expect(openai.onlyRequest<ChatRequest>()).toEqual({
        model: 'gpt-test',
        messages: [
          { role: 'system', content: 'Be brief.' },
          { role: 'user', content: [{ type: 'text', text: 'Hi' }] },
        ],
        temperature: 0.2,
        maxOutputTokens: 50,
        stop: ['END'],
        seed: 7,
        responseFormat: { type: 'json_object' },
        reasoningEffort: 'low',
      });
    });

    it('takes the provider model after the first slash, slashes included', async () => {
      openai.onChat = async () => ({
        message: { text: 'ok', toolCalls: [] },
        finishReason: 'stop',
        usage: {},
      });

      const completion = await client.chat.completions.create({
        model: 'hf/meta-llama/Llama-3.3-70B-Instruct',
        messages: [{ role: 'user', content: 'Hi' }],
      });

      expect(openai.onlyRequest<ChatRequest>().model).toBe('meta-llama/Llama-3.3-70B-Instruct');
      expect(completion.model).toBe('hf/meta-llama/Llama-3.3-70B-Instruct');
    });

    it('takes an inline image larger than the admin body limit as base64 data', async () => {
      openai.onChat = async () => ({
        message: { text: 'a cat', toolCalls: [] },
        finishReason: 'stop',
        usage: {},
      });
      const png = Buffer.alloc(200 * 1024, 7).toString('base64');

      await client.chat.completions.create({
        model: 'main/gpt-test',
        messages: [
          {
            role: 'user',
            content: [
              { type: 'text', text: 'What is this?' },
              { type: 'image_url', image_url: { url: `data:image/png;base64,${png}`, detail: 'low' } },
            ],
          },
        ],
      });

      expect(openai.onlyRequest<ChatRequest>().messages[0]).toEqual({
        role: 'user',
        content: [
          { type: 'text', text: 'What is this?' },
          { type: 'image', mediaType: 'image/png', data: png },
        ],
      });
    });
    it('aborts the upstream call when the client gives up waiting', async () => {
      let upstreamSignal: AbortSignal | undefined;
      let called: () => void = () => {};
      const upstreamCalled = new Promise<void>((resolve) => (called = resolve));
      openai.onChat = async (call) => {
        upstreamSignal = call.signal;
        called();
        await abortOf(call.signal);
        throw new ProviderError('error', 'openai', 'aborted');
      };
      const controller = new AbortController();

      const answer = client.chat.completions
        .create(
          { model: 'main/gpt-test', messages: [{ role: 'user', content: 'Hi' }] },
          { signal: controller.signal },
        )
        .catch((error: unknown) => error);
      await upstreamCalled;
      controller.abort();

      expect(await answer).toBeInstanceOf(APIUserAbortError);
      await abortOf(upstreamSignal as AbortSignal);
      expect(upstreamSignal?.aborted).toBe(true);
    });
  });

  describe('streamed chat completions', () => {
    it('streams OpenAI chunks, then the usage alone when include_usage is set', async () => {
      openai.onStreamChat = () =>
        events(
          { type: 'text-delta', delta: 'Hel' },
          { type: 'text-delta', delta: 'lo' },
          { type: 'usage', usage: { inputTokens: 5, outputTokens: 2 } },
          { type: 'finish', finishReason: 'length' },
        );

      const stream = await client.chat.completions.create({
        model: 'main/gpt-test',
        messages: [{ role: 'user', content: 'Hi' }],
        stream: true,
        stream_options: { include_usage: true },
      });
      const chunks = [];
      for await (const chunk of stream) chunks.push(chunk);

      const head = {
        id: expect.stringMatching(/^chatcmpl-/),
        object: 'chat.completion.chunk',
        created: expect.any(Number),
        model: 'main/gpt-test',
      };
      const choice = (delta: object, finish_reason: string | null = null) => ({
        ...head,
        choices: [{ index: 0, delta, logprobs: null, finish_reason }],
        usage: null,
      });
      expect(chunks).toEqual([
        choice({ role: 'assistant', content: '' }),
        choice({ content: 'Hel' }),
        choice({ content: 'lo' }),
        choice({}, 'length'),
        {
          ...head,
          choices: [],
          usage: {
            prompt_tokens: 5,
            completion_tokens: 2,
            total_tokens: 7,
            prompt_tokens_details: { cached_tokens: 0 },
            completion_tokens_details: { reasoning_tokens: 0 },
          },
        },
      ]);
      expect(new Set(chunks.map((chunk) => chunk.id)).size).toBe(1);
    });

    it('sends no usage chunk without include_usage', async () => {
      openai.onStreamChat = () =>
        events(
          { type: 'text-delta', delta: 'Hi' },
          { type: 'usage', usage: { inputTokens: 1 } },
          {
            type: 'finish',
            finishReason: 'stop',
          },
        );

      const stream = await client.chat.completions.create({
        model: 'main/gpt-test',
        messages: [{ role: 'user', content: 'Hi' }],
        stream: true,
      });
      const chunks = [];
      for await (const chunk of stream) chunks.push(chunk);

      expect(chunks.map((chunk) => chunk.choices.length)).toEqual([1, 1, 1]);
      expect(chunks.every((chunk) => !('usage' in chunk))).toBe(true);
    });

    it('reports the overhead in a trailer and ends with [DONE]', async () => {
      openai.onStreamChat = () =>
        events({ type: 'text-delta', delta: 'Hi' }, { type: 'finish', finishReason: 'stop' });

      const res = await rawPost(`${baseURL}/chat/completions`, {
        model: 'main/gpt-test',
        messages: [{ role: 'user', content: 'Hi' }],
        stream: true,
      });

      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
      expect(res.headers.trailer).toBe('x-integration-overhead-ms');
      expect(res.trailers['x-integration-overhead-ms']).toMatch(NUMBER_TEXT);
      expect(res.body.endsWith('data: [DONE]\n\n')).toBe(true);
    });

    it('answers a failure before the first event with its status, a rate limit with Retry-After', async () => {
      openai.onStreamChat = () => ({
        [Symbol.asyncIterator]: () => ({
          next: () =>
            Promise.reject(
              new ProviderError('rate_limited', 'openai', 'slow down', { retryAfterSeconds: 3 }),
            ),
        }),
      });

      const failure = await client.chat.completions
        .create({ model: 'main/gpt-test', messages: [{ role: 'user', content: 'Hi' }], stream: true })
        .catch((error: unknown) => error);

      expect(failure).toBeInstanceOf(RateLimitError);
      expect((failure as RateLimitError).headers.get('retry-after')).toBe('3');
    });

    it('ends a stream that fails midway with an error event and no [DONE]', async () => {
      openai.onStreamChat = async function* () {
        yield { type: 'text-delta', delta: 'Hel' } as const;
        throw new ProviderError('unavailable', 'openai', 'connection reset');
      };

      const stream = await client.chat.completions.create({
        model: 'main/gpt-test',
        messages: [{ role: 'user', content: 'Hi' }],
        stream: true,
      });
      const seen: string[] = [];
      const failure = await (async () => {
        for await (const chunk of stream) seen.push(chunk.choices[0]?.delta.content ?? '');
      })().catch((error: unknown) => error);

      expect(seen).toEqual(['', 'Hel']);
      expect(failure).toBeInstanceOf(APIError);
      expect((failure as APIError).error).toEqual({
        message: 'openai: connection reset',
        type: 'upstream_error',
        param: null,
        code: 'provider_unavailable',
      });

      openai.onStreamChat = async function* () {
        yield { type: 'text-delta', delta: 'Hel' } as const;
        throw new ProviderError('unavailable', 'openai', 'connection reset');
      };
      const raw = await rawPost(`${baseURL}/chat/completions`, {
        model: 'main/gpt-test',
        messages: [{ role: 'user', content: 'Hi' }],
        stream: true,
      });
      expect(raw.body).toMatch(/data: \{"error":\{"message":"openai: connection reset".*\}\}\n\n$/);
      expect(raw.body).not.toContain('[DONE]');
    });

    it('aborts the upstream call when the client goes away mid-stream', async () => {
      let upstreamSignal: AbortSignal | undefined;
      openai.onStreamChat = async function* (call) {
        upstreamSignal = call.signal;
        yield { type: 'text-delta', delta: 'Hel' } as const;
        await abortOf(call.signal);
        throw new ProviderError('error', 'openai', 'aborted');
      };

      const stream = await client.chat.completions.create({
        model: 'main/gpt-test',
        messages: [{ role: 'user', content: 'Hi' }],
        stream: true,
      });
      for await (const chunk of stream) {
        if (chunk.choices[0]?.delta.content === 'Hel') break; // the SDK aborts its request on break
      }

      await abortOf(upstreamSignal as AbortSignal);
      expect(upstreamSignal?.aborted).toBe(true);
    });
  });

  describe('tools', () => {
    it('streams parallel tool calls that the SDK reassembles, then takes their results back', async () => {
      // Core's indexes need not count from 0 (Anthropic's are content-block positions); OpenAI's must.
      openai.onStreamChat = () =>
        events(
          { type: 'tool-call-start', index: 1, id: 'call_a', name: 'weather' },
          { type: 'tool-call-start', index: 3, id: 'call_b', name: 'weather' },
          { type: 'tool-call-delta', index: 1, argumentsDelta: '{"city":' },
          { type: 'tool-call-delta', index: 3, argumentsDelta: '{"city":"Oslo"}' },
          { type: 'tool-call-delta', index: 1, argumentsDelta: '"Paris"}' },
          { type: 'tool-call-end', index: 1 },
          { type: 'tool-call-end', index: 3 },
          { type: 'finish', finishReason: 'tool_calls' },
        );
      const tools = [
        {
          type: 'function' as const,
          function: {
            name: 'weather',
            description: 'The weather in a city',
            parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
          },
        },
      ];
      const question = { role: 'user' as const, content: 'Weather in Paris and Oslo?' };

      const stream = client.chat.completions.stream({
        model: 'main/gpt-test',
        messages: [question],
        tools,
        tool_choice: 'auto',
        parallel_tool_calls: true,
      });
      const completion = await stream.finalChatCompletion();

      const message = completion.choices[0]!.message;
      expect(completion.choices[0]!.finish_reason).toBe('tool_calls');
      expect(message.tool_calls).toEqual([
        { id: 'call_a', type: 'function', function: { name: 'weather', arguments: '{"city":"Paris"}' } },
        { id: 'call_b', type: 'function', function: { name: 'weather', arguments: '{"city":"Oslo"}' } },
      ]);
      expect(openai.onlyRequest<ChatRequest>()).toMatchObject({
        tools: [
          {
            name: 'weather',
            description: 'The weather in a city',
            parameters: tools[0]!.function.parameters,
          },
        ],
        toolChoice: { type: 'auto' },
        parallelToolCalls: true,
      });

      openai.calls.length = 0;
      openai.onChat = async () => ({
        message: { text: 'Sunny in Paris, rain in Oslo.', toolCalls: [] },
        finishReason: 'stop',
        usage: {},
      });
      const answer = await client.chat.completions.create({
        model: 'main/gpt-test',
        messages: [
          question,
          message,
          { role: 'tool', tool_call_id: 'call_a', content: 'sunny' },
          { role: 'tool', tool_call_id: 'call_b', content: [{ type: 'text', text: 'rain' }] },
        ],
        tools,
      });

      expect(answer.choices[0]!.message.content).toBe('Sunny in Paris, rain in Oslo.');
      expect(openai.onlyRequest<ChatRequest>().messages.slice(1)).toEqual([
        {
          role: 'assistant',
          toolCalls: [
            { id: 'call_a', name: 'weather', arguments: '{"city":"Paris"}' },
            { id: 'call_b', name: 'weather', arguments: '{"city":"Oslo"}' },
          ],
        },
        { role: 'tool', toolCallId: 'call_a', name: 'weather', content: 'sunny' },
        { role: 'tool', toolCallId: 'call_b', name: 'weather', content: 'rain' },
      ]);
    });

    it('answers tool calls that are not streamed with null content', async () => {
      openai.onChat = async () => ({
        message: { text: '', toolCalls: [{ id: 'call_1', name: 'weather', arguments: '{"city":"Rome"}' }] },
        finishReason: 'tool_calls',
        usage: {},
      });

      const completion = await client.chat.completions.create({
        model: 'main/gpt-test',
        messages: [{ role: 'user', content: 'Rome?' }],
        tools: [{ type: 'function', function: { name: 'weather' } }],
        tool_choice: { type: 'function', function: { name: 'weather' } },
      });

      expect(completion.choices[0]).toMatchObject({
        finish_reason: 'tool_calls',
        message: {
          content: null,
          tool_calls: [
            { id: 'call_1', type: 'function', function: { name: 'weather', arguments: '{"city":"Rome"}' } },
          ],
        },
      });
      expect(openai.onlyRequest<ChatRequest>()).toMatchObject({
        tools: [{ name: 'weather', parameters: { type: 'object', properties: {} } }],
        toolChoice: { type: 'tool', name: 'weather' },
      });
    });
  });

  describe('embeddings', () => {
    beforeEach(() => {
      openai.onEmbed = async () => ({
        embeddings: [
          [0.5, -0.25, 1],
          [0, 0.125, -2],
        ],
        usage: { inputTokens: 6 },
        model: 'embed-test',
      });
    });

    it('answers floats when asked for floats', async () => {
      const { data, response } = await client.embeddings
        .create({ model: 'main/embed-test', input: ['one', 'two'], encoding_format: 'float', dimensions: 3 })
        .withResponse();

      expect(data).toEqual({
        object: 'list',
        data: [
          { object: 'embedding', index: 0, embedding: [0.5, -0.25, 1] },
          { object: 'embedding', index: 1, embedding: [0, 0.125, -2] },
        ],
        model: 'main/embed-test',
        usage: { prompt_tokens: 6, total_tokens: 6 },
      });
      expect(response.headers.get('x-integration-overhead-ms')).toMatch(NUMBER_TEXT);
      expect(openai.onlyRequest<EmbedRequest>()).toEqual({
        model: 'embed-test',
        inputs: ['one', 'two'],
        dimensions: 3,
      });
    });

    it('answers base64 float32, the SDK default, which the SDK decodes', async () => {
      const result = await client.embeddings.create({ model: 'main/embed-test', input: 'one' });

      expect(result.data.map((item) => Array.from(item.embedding))).toEqual([
        [0.5, -0.25, 1],
        [0, 0.125, -2],
      ]);
      expect(openai.onlyRequest<EmbedRequest>().inputs).toEqual(['one']);
    });
  });

  describe('rerank', () => {
    it('answers a Cohere-style request with the results best first', async () => {
      openai.onRerank = async () => ({
        results: [
          { index: 1, relevanceScore: 0.9 },
          { index: 0, relevanceScore: 0.1 },
        ],
        usage: { searchUnits: 1 },
      });

      const res = await fetch(`${baseURL}/rerank`, {
        method: 'POST',
        headers: { ...bearer(TOKENS.inference), 'content-type': 'application/json' },
        body: JSON.stringify({
          model: 'main/rerank-test',
          query: 'capital of France',
          documents: ['Berlin', { text: 'Paris' }],
          top_n: 2,
          return_documents: true,
        }),
      });

      expect(res.status).toBe(200);
      expect(res.headers.get('x-integration-overhead-ms')).toMatch(NUMBER_TEXT);
      expect(await res.json()).toEqual({
        id: expect.any(String),
        model: 'main/rerank-test',
        results: [
          { index: 1, relevance_score: 0.9, document: { text: 'Paris' } },
          { index: 0, relevance_score: 0.1, document: { text: 'Berlin' } },
        ],
        usage: { search_units: 1 },
      });
      expect(openai.onlyRequest<RerankRequest>()).toEqual({
        model: 'rerank-test',
        query: 'capital of France',
        documents: ['Berlin', 'Paris'],
        topN: 2,
      });
    });
  });

  describe('models', () => {
    it('lists the credentials that can do inference, by name, owned by their provider', async () => {
      const models = [];
      for await (const model of client.models.list()) models.push(model);

      expect(models).toEqual([
        { id: 'main', object: 'model', created: expect.any(Number), owned_by: 'openai' },
        { id: 'hf', object: 'model', created: expect.any(Number), owned_by: 'openai' },
      ]);
    });

    it('retrieves a model by its full name, slashes included', async () => {
      const model = await client.models.retrieve('hf/meta-llama/Llama-3.3-70B-Instruct');
      expect(model).toEqual({
        id: 'hf/meta-llama/Llama-3.3-70B-Instruct',
        object: 'model',
        created: expect.any(Number),
        owned_by: 'openai',
      });
      await expect(client.models.retrieve('inert/x')).rejects.toBeInstanceOf(NotFoundError);
    });
  });

  describe('errors', () => {
    const hi = [{ role: 'user' as const, content: 'Hi' }];

    async function failureOf(promise: Promise<unknown>): Promise<APIError> {
      const error = await promise.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(APIError);
      return error as APIError;
    }

    it('answers an unknown credential with 404 model_not_found', async () => {
      const failure = await failureOf(
        client.chat.completions.create({ model: 'nope/gpt-test', messages: hi }),
      );
      expect(failure).toBeInstanceOf(NotFoundError);
      expect(failure.error).toMatchObject({
        type: 'invalid_request_error',
        param: 'model',
        code: 'model_not_found',
      });
    });

    it('answers a model without a credential part with 400 naming model', async () => {
      const failure = await failureOf(client.chat.completions.create({ model: 'gpt-4o', messages: hi }));
      expect(failure).toBeInstanceOf(BadRequestError);
      expect(failure.error).toMatchObject({ type: 'invalid_request_error', param: 'model' });
    });

    it.each([
      [{ n: 2 }, 'n'],
      [{ temperature: 5 }, 'temperature'],
      [{ top_p: 2 }, 'top_p'],
      [{ max_tokens: 0 }, 'max_tokens'],
      [{ temperature: 'hot' }, 'temperature'],
      [{ messages: [{ role: 'narrator', content: 'x' }] }, 'messages[0].role'],
      [{ messages: [{ role: 'tool', content: 'x' }] }, 'messages[0].tool_call_id'],
      [{ messages: [{ content: 'x' }] }, 'messages[0].role'],
      [{ tools: [{ type: 'function', function: { name: 'bad name!' } }] }, 'tools[0].function.name'],
    ])('answers %j with 400 naming %s', async (fields, param) => {
      const failure = await failureOf(
        client.chat.completions.create({ model: 'main/gpt-test', messages: hi, ...fields } as never),
      );
      expect(failure).toBeInstanceOf(BadRequestError);
      expect(failure.error).toMatchObject({ type: 'invalid_request_error', param });
      expect(failure.message).toContain(`${param}: `);
    });

    it('passes a provider rate limit on as 429 with Retry-After', async () => {
      openai.onChat = async () => {
        throw new ProviderError('rate_limited', 'openai', 'Rate limit reached', { retryAfterSeconds: 2.2 });
      };
      const failure = await failureOf(
        client.chat.completions.create({ model: 'main/gpt-test', messages: hi }),
      );
      expect(failure).toBeInstanceOf(RateLimitError);
      expect(failure.headers?.get('retry-after')).toBe('3');
      expect(failure.error).toMatchObject({ type: 'rate_limit_error', code: 'rate_limit_exceeded' });
    });

    it.each([
      ['unavailable', 503, 'provider_unavailable'],
      ['timeout', 504, 'provider_timeout'],
      ['auth_failed', 502, 'provider_auth_failed'],
    ] as const)('answers a provider %s with %i', async (kind, status, code) => {
      openai.onEmbed = async () => {
        throw new ProviderError(kind, 'openai', 'upstream trouble');
      };
      const failure = await failureOf(client.embeddings.create({ model: 'main/embed-test', input: 'x' }));
      expect(failure.status).toBe(status);
      expect(failure.error).toMatchObject({ type: 'upstream_error', code });
    });

    it('answers a model the provider does not know with 404', async () => {
      openai.onChat = async () => {
        throw new ProviderError('invalid_request', 'openai', 'The model `gpt-x` does not exist', {
          status: 404,
        });
      };
      const failure = await failureOf(client.chat.completions.create({ model: 'main/gpt-x', messages: hi }));
      expect(failure).toBeInstanceOf(NotFoundError);
      expect(failure.error).toMatchObject({ param: 'model', code: 'model_not_found' });
    });

    it('answers a bad service token with 401 in OpenAI’s shape', async () => {
      const stranger = new OpenAI({ baseURL, apiKey: 'not-a-token', maxRetries: 0 });
      const failure = await failureOf(
        stranger.chat.completions.create({ model: 'main/gpt-test', messages: hi }),
      );
      expect(failure).toBeInstanceOf(AuthenticationError);
      expect(failure.error).toMatchObject({
        type: 'authentication_error',
        code: 'invalid_api_key',
        param: null,
      });
    });

    it('answers a token without the inference scope with 403', async () => {
      const reader = new OpenAI({ baseURL, apiKey: TOKENS.reader, maxRetries: 0 });
      const failure = await failureOf(reader.models.list());
      expect(failure).toBeInstanceOf(PermissionDeniedError);
      expect(failure.error).toMatchObject({ type: 'permission_error', code: 'permission_denied' });
    });

    it('answers a body over its own limit with 413 in OpenAI’s shape', async () => {
      const small = await testApp({ inferenceBodyLimitBytes: 100 });
      const res = await small.app.inject({
        method: 'POST',
        url: '/v1/chat/completions',
        headers: bearer(TOKENS.inference),
        payload: { model: 'main/gpt-test', messages: [{ role: 'user', content: 'x'.repeat(200) }] },
      });
      expect(res.statusCode).toBe(413);
      expect(res.json()).toEqual({
        error: {
          message: expect.any(String),
          type: 'invalid_request_error',
          param: null,
          code: 'payload_too_large',
        },
      });
      await small.app.close();
    });

    it('answers unknown paths and methods of its areas in OpenAI’s shape, and leaves the admin API’s alone', async () => {
      const wrongMethod = await app.inject({
        method: 'GET',
        url: '/v1/chat/completions',
        headers: bearer(TOKENS.inference),
      });
      expect(wrongMethod.statusCode).toBe(404);
      expect(wrongMethod.json()).toEqual({
        error: {
          message: expect.any(String),
          type: 'invalid_request_error',
          param: null,
          code: 'unknown_url',
        },
      });

      const admin = await app.inject({
        method: 'GET',
        url: '/v1/credentials/00000000-0000-7000-8000-0000000000ff',
        headers: bearer(TOKENS.admin),
      });
      expect(admin.statusCode).toBe(404);
      expect(admin.json()).toEqual({
        error: { code: 'not_found', message: expect.any(String), details: expect.any(Object) },
      });
    });
  });
});

interface RawResponse {
  readonly status: number;
  readonly headers: IncomingMessage['headers'];
  readonly trailers: NodeJS.Dict<string>;
  readonly body: string;
}

/** A plain HTTP/1.1 request, to see what fetch hides: trailers. */
function rawPost(url: string, body: unknown): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      {
        method: 'POST',
        headers: { ...bearer(TOKENS.inference), 'content-type': 'application/json', te: 'trailers' },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, trailers: res.trailers, body: text }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

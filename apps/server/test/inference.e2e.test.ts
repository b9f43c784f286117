import {
  MockProviderServer,
  chatCompletion,
  chatCompletionChunks,
  embeddingList,
  json,
  sse,
  type CompletionStyle,
} from '@integration-api/adapters-llm/testing';
import { FinishReason, type ChatRequest, type StreamChatResponse } from '@integration-api/transport-grpc';
import { Status } from 'nice-grpc';
import { api, startHarness, type Harness } from './harness.js';

// Through gRPC on the one port, with credentials stored over the admin API and pointed at the mock:
// chat, a tool call round trip, streaming with usage in the final frame, embeddings, cancellation.
interface Case {
  readonly provider: 'openai' | 'azure-openai' | 'mistral';
  readonly style: CompletionStyle;
  readonly secret: string;
  readonly config: (mock: MockProviderServer) => Record<string, string>;
  readonly chatPath: string;
  readonly embedPath: string;
  readonly verifyPath: string;
  readonly auth: (secret: string) => Record<string, string>;
}

const CASES: readonly Case[] = [
  {
    provider: 'openai',
    style: 'openai',
    secret: 'sk-e2e-openai-0000000000000001',
    config: (mock) => ({ baseUrl: mock.urlFor('/v1') }),
    chatPath: '/v1/chat/completions',
    embedPath: '/v1/embeddings',
    verifyPath: '/v1/models',
    auth: (secret) => ({ authorization: `Bearer ${secret}` }),
  },
  {
    provider: 'azure-openai',
    style: 'azure',
    secret: 'azure-e2e-key-00000000000000002',
    config: (mock) => ({ endpoint: mock.url, deployment: 'gpt-4o-prod', apiVersion: '2024-10-21' }),
    chatPath: '/openai/deployments/gpt-4o-prod/chat/completions',
    embedPath: '/openai/deployments/gpt-4o-prod/embeddings',
    verifyPath: '/openai/models',
    auth: (secret) => ({ 'api-key': secret }),
  },
  {
    provider: 'mistral',
    style: 'mistral',
    secret: 'mistral-e2e-key-000000000000003',
    config: (mock) => ({ baseUrl: mock.urlFor('/mistral/v1') }),
    chatPath: '/mistral/v1/chat/completions',
    embedPath: '/mistral/v1/embeddings',
    verifyPath: '/mistral/v1/models',
    auth: (secret) => ({ authorization: `Bearer ${secret}` }),
  },
];

const WEATHER_TOOL = {
  name: 'weather',
  description: 'Current weather in a city',
  parameters: JSON.stringify({
    type: 'object',
    properties: { city: { type: 'string' } },
    required: ['city'],
  }),
};

function question(credentialId: string): ChatRequest {
  return {
    credentialId,
    model: 'gpt-4o',
    messages: [{ user: { content: 'Weather in Oslo?', parts: [] } }],
    tools: [WEATHER_TOOL],
    stop: [],
    providerOptions: '',
  } as unknown as ChatRequest;
}

describe.each(CASES)('inference through gRPC with a stored $provider credential', (c) => {
  let harness: Harness;
  let mock: MockProviderServer;
  let credentialId: string;
  let token: string;

  beforeAll(async () => {
    mock = await MockProviderServer.start();
    harness = await startHarness({ redis: false });
    token = await harness.token();
    mock.route('GET', c.verifyPath, json(200, { object: 'list', data: [] }));
    const created = await api(harness, token, 'POST', '/v1/credentials', {
      provider: c.provider,
      name: `${c.provider}-e2e`,
      secret: c.secret,
      config: c.config(mock),
    });
    expect(created.status).toBe(201);
    expect(created.json.status).toBe('active');
    credentialId = created.json.id;
  });
  afterAll(async () => {
    await harness?.stop();
    await mock?.close();
  });
  beforeEach(() => mock.reset());

  const upstream = (i: number) => mock.requests[i]!;

  it('runs a tool call round trip with Chat', async () => {
    const { inference } = harness.grpc(token);
    mock.route(
      'POST',
      c.chatPath,
      json(
        200,
        chatCompletion({
          model: 'gpt-4o',
          style: c.style,
          toolCalls: [{ id: 'call_w1', name: 'weather', arguments: '{"city":"Oslo"}' }],
          finishReason: 'tool_calls',
          usage: { prompt: 20, completion: 8 },
        }),
      ),
      { times: 1 },
    );
    const first = await inference.chat(question(credentialId));
    expect(first.finishReason).toBe(FinishReason.FINISH_REASON_TOOL_CALLS);
    expect(first.message?.toolCalls).toEqual([
      { id: 'call_w1', name: 'weather', arguments: '{"city":"Oslo"}' },
    ]);
    expect(first.usage).toMatchObject({ inputTokens: 20, outputTokens: 8, totalTokens: 28 });
    expect(upstream(0).headers).toMatchObject(c.auth(c.secret));
    expect(upstream(0).json).toMatchObject({ tools: [{ type: 'function', function: { name: 'weather' } }] });

    mock.route(
      'POST',
      c.chatPath,
      json(
        200,
        chatCompletion({
          model: 'gpt-4o',
          style: c.style,
          text: 'It is 3°C in Oslo.',
          usage: { prompt: 35, completion: 9 },
        }),
      ),
    );
    const second = await inference.chat({
      ...question(credentialId),
      messages: [
        ...question(credentialId).messages,
        { assistant: { content: '', reasoning: '', toolCalls: first.message!.toolCalls } },
        { tool: { toolCallId: 'call_w1', content: '{"celsius":3}', name: 'weather' } },
      ],
    });
    expect(second.message?.text).toBe('It is 3°C in Oslo.');
    expect(second.finishReason).toBe(FinishReason.FINISH_REASON_STOP);
    expect(second.metrics?.latencyMs).toBeGreaterThan(0);
    const sent = upstream(1).json as { messages: Array<Record<string, unknown>> };
    expect(sent.messages.at(-2)).toMatchObject({ role: 'assistant', tool_calls: [{ id: 'call_w1' }] });
    expect(sent.messages.at(-1)).toMatchObject({
      role: 'tool',
      tool_call_id: 'call_w1',
      content: '{"celsius":3}',
    });
  });

  it('streams deltas, then a final frame with the whole message, usage and metrics', async () => {
    const { inference } = harness.grpc(token);
    mock.route(
      'POST',
      c.chatPath,
      sse(
        chatCompletionChunks({
          model: 'gpt-4o',
          style: c.style,
          text: ['It is ', '3°C', ' in Oslo.'],
          usage: { prompt: 12, completion: 6, cached: 4 },
          finishReason: 'stop',
        }),
        { keepAliveComments: true },
      ),
    );
    const frames: StreamChatResponse[] = [];
    for await (const frame of inference.streamChat({ ...question(credentialId), tools: [] }))
      frames.push(frame);
    const text = frames.map((f) => f.textDelta ?? '').join('');
    expect(text).toBe('It is 3°C in Oslo.');
    const final = frames.at(-1)?.final;
    expect(final?.message?.text).toBe('It is 3°C in Oslo.');
    expect(final?.usage).toMatchObject({
      inputTokens: 12,
      outputTokens: 6,
      cachedInputTokens: 4,
      totalTokens: 18,
    });
    expect(final?.metrics?.timeToFirstTokenMs).toBeGreaterThan(0);
    expect(frames.filter((f) => f.final)).toHaveLength(1);
    expect(upstream(0).json).toMatchObject({ stream: true });
  });

  it('embeds with the stored credential', async () => {
    const { inference } = harness.grpc(token);
    mock.route(
      'POST',
      c.embedPath,
      json(
        200,
        embeddingList(
          [
            [0.1, 0.2],
            [0.3, 0.4],
          ],
          { model: 'text-embedding-3-small', promptTokens: 7 },
        ),
      ),
    );
    const result = await inference.embed({
      credentialId,
      model: 'text-embedding-3-small',
      inputs: ['a', 'b'],
      inputType: 0,
    } as never);
    expect(result.embeddings.map((e) => e.values.map((v) => Math.round(v * 10) / 10))).toEqual([
      [0.1, 0.2],
      [0.3, 0.4],
    ]);
    expect(upstream(0).headers).toMatchObject(c.auth(c.secret));
  });

  it('aborts the upstream request when the caller cancels a stream', async () => {
    const { inference } = harness.grpc(token);
    mock.route(
      'POST',
      c.chatPath,
      sse(
        chatCompletionChunks({
          model: 'gpt-4o',
          style: c.style,
          text: ['one ', 'two ', 'three'],
          finishReason: 'stop',
        }),
        {
          hangAfter: 3, // the role chunk, then text, then silence
        },
      ),
    );
    const controller = new AbortController();
    const frames = inference.streamChat(
      { ...question(credentialId), tools: [] },
      { signal: controller.signal },
    );
    const received: StreamChatResponse[] = [];
    await expect(
      (async () => {
        for await (const frame of frames) {
          received.push(frame);
          if (frame.textDelta) controller.abort();
        }
      })(),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(received.length).toBeGreaterThan(0);
    expect(await mock.responseEnd(0)).toBe('closed-early');
  });

  it('keeps the provider error meaning: a refused stored key is FAILED_PRECONDITION', async () => {
    const { inference } = harness.grpc(token);
    mock.route(
      'POST',
      c.chatPath,
      json(401, { error: { message: `Incorrect API key provided: ${c.secret}` } }),
    );
    const error = await inference.chat(question(credentialId)).catch((e: Error) => e);
    expect(error).toMatchObject({ code: Status.FAILED_PRECONDITION });
    expect(String((error as Error).message)).not.toContain(c.secret);
  });
});

import {
  ContextCheckingTestCipher,
  FixedClock,
  InMemoryCredentialRepository,
  MapCredentialCache,
  SequentialIds,
  TEST_PROVIDER_SPEC,
  TestUpstreamGuard,
  testPrincipal,
} from '../testing/index.js';
import { CredentialService } from '../credentials/credential-service.js';
import type { ProviderAdapter, ProviderCall, ProviderRegistry } from '../ports/provider-registry.js';
import type { ChatRequest, ChatStreamEvent } from './chat.js';
import { InferenceService, type InferenceStreamEvent } from './inference-service.js';
import { ProviderError } from '../errors/domain-error.js';

const ALL = {
  chat: true,
  streaming: true,
  tools: true,
  vision: false,
  embeddings: true,
  rerank: false,
  verify: false,
};

function setup(adapter: Partial<ProviderAdapter>) {
  const full: ProviderAdapter = { spec: { ...TEST_PROVIDER_SPEC, capabilities: ALL }, ...adapter };
  const providers: ProviderRegistry = {
    list: () => [full],
    get: (id) => (id === 'openai' ? full : undefined),
  };
  const clock = new FixedClock();
  const credentials = new CredentialService({
    repository: new InMemoryCredentialRepository(),
    cache: new MapCredentialCache(),
    cipher: new ContextCheckingTestCipher(),
    providers,
    upstreamGuard: new TestUpstreamGuard(),
    clock,
    ids: new SequentialIds(),
  });
  return { credentials, inference: new InferenceService({ credentials, providers, clock }) };
}

const principal = testPrincipal();
const request: ChatRequest = { model: 'gpt-test', messages: [{ role: 'user', content: 'hi' }] };

async function storedCredential(credentials: CredentialService) {
  const view = await credentials.create(principal, {
    provider: 'openai',
    name: 'k',
    secret: 'sk-the-secret-000000',
    config: { baseUrl: 'https://api.example/v1' },
    verify: false,
  });
  return view.id;
}

async function collect(stream: AsyncIterable<InferenceStreamEvent>) {
  const events: InferenceStreamEvent[] = [];
  for await (const event of stream) events.push(event);
  return events;
}

describe('InferenceService', () => {
  it('hands the opened secret and config to the adapter and measures latency', async () => {
    const calls: ProviderCall<ChatRequest>[] = [];
    const { credentials, inference } = setup({
      chat: async (call) => {
        calls.push(call);
        return {
          message: { text: 'hello', toolCalls: [] },
          finishReason: 'stop',
          usage: { inputTokens: 3, outputTokens: 2 },
        };
      },
    });
    const credentialId = await storedCredential(credentials);
    const result = await inference.chat(principal, { credentialId, request });
    expect(calls[0]).toMatchObject({
      secret: { apiKey: 'sk-the-secret-000000' },
      config: { baseUrl: 'https://api.example/v1' },
    });
    expect(result).toMatchObject({ message: { text: 'hello' }, usage: { totalTokens: 5 } });
    expect(result.metrics.latencyMs).toBeGreaterThan(0);
  });

  it('streams the events, then one done event with the whole message, usage and time to first token', async () => {
    const events: ChatStreamEvent[] = [
      { type: 'text-delta', delta: 'Hel' },
      { type: 'text-delta', delta: 'lo' },
      { type: 'tool-call-start', index: 1, id: 'call_b', name: 'b' },
      { type: 'tool-call-start', index: 0, id: 'call_a', name: 'a' },
      { type: 'tool-call-delta', index: 0, argumentsDelta: '{"x":' },
      { type: 'tool-call-delta', index: 1, argumentsDelta: '{}' },
      { type: 'tool-call-delta', index: 0, argumentsDelta: '1}' },
      { type: 'usage', usage: { inputTokens: 10, cachedInputTokens: 4 } },
      { type: 'usage', usage: { outputTokens: 7 } },
      { type: 'finish', finishReason: 'tool_calls', rawFinishReason: 'tool_calls' },
    ];
    const { credentials, inference } = setup({
      streamChat: async function* () {
        yield* events;
      },
    });
    const credentialId = await storedCredential(credentials);
    const seen = await collect(inference.streamChat(principal, { credentialId, request }));
    expect(seen.slice(0, -1)).toEqual(events);
    const done = seen.at(-1);
    expect(done?.type).toBe('done');
    if (done?.type !== 'done') return;
    expect(done.result.message).toEqual({
      text: 'Hello',
      toolCalls: [
        { id: 'call_a', name: 'a', arguments: '{"x":1}' },
        { id: 'call_b', name: 'b', arguments: '{}' },
      ],
    });
    expect(done.result.usage).toEqual({
      inputTokens: 10,
      cachedInputTokens: 4,
      outputTokens: 7,
      totalTokens: 17,
    });
    expect(done.result.metrics.timeToFirstTokenMs).toBeGreaterThan(0);
    expect(done.result.metrics.latencyMs).toBeGreaterThan(done.result.metrics.timeToFirstTokenMs!);
  });

  it('fails a stream that ended without the provider finishing it', async () => {
    const { credentials, inference } = setup({
      streamChat: async function* () {
        yield { type: 'text-delta', delta: 'partial' } as const;
      },
    });
    const credentialId = await storedCredential(credentials);
    await expect(collect(inference.streamChat(principal, { credentialId, request }))).rejects.toMatchObject({
      code: 'provider_error',
    });
  });

  it('reports a caller abort as a cancellation, whatever the adapter threw', async () => {
    const controller = new AbortController();
    const { credentials, inference } = setup({
      chat: async (call) => {
        controller.abort();
        expect(call.signal.aborted).toBe(true);
        throw new Error('socket hang up');
      },
    });
    const credentialId = await storedCredential(credentials);
    await expect(
      inference.chat(principal, { credentialId, request, signal: controller.signal }),
    ).rejects.toMatchObject({
      code: 'cancelled',
    });
  });

  it('passes provider errors through with their meaning', async () => {
    const { credentials, inference } = setup({
      chat: async () => {
        throw new ProviderError('rate_limited', 'openai', 'slow down', { retryAfterSeconds: 2 });
      },
    });
    const credentialId = await storedCredential(credentials);
    await expect(inference.chat(principal, { credentialId, request })).rejects.toMatchObject({
      code: 'provider_rate_limited',
      details: { retryAfterSeconds: 2 },
    });
  });

  it('refuses what the provider cannot do before calling it', async () => {
    const { credentials, inference } = setup({ chat: async () => Promise.reject(new Error('not called')) });
    const credentialId = await storedCredential(credentials);
    await expect(
      inference.rerank(principal, { credentialId, request: { model: 'r', query: 'q', documents: ['d'] } }),
    ).rejects.toMatchObject({ code: 'capability_unsupported' });
    await expect(
      inference.chat(principal, {
        credentialId,
        request: {
          model: 'm',
          messages: [{ role: 'user', content: [{ type: 'image', url: 'https://x.example/a.png' }] }],
        },
      }),
    ).rejects.toMatchObject({ code: 'capability_unsupported', details: { capability: 'vision' } });
  });

  it('validates requests and needs the inference scope', async () => {
    const { credentials, inference } = setup({ embed: async () => ({ embeddings: [], usage: {} }) });
    const credentialId = await storedCredential(credentials);
    await expect(
      inference.chat(principal, { credentialId, request: { model: 'm', messages: [] } }),
    ).rejects.toMatchObject({
      details: { field: 'messages' },
    });
    await expect(
      inference.embed(principal, { credentialId, request: { model: 'e', inputs: [''] } }),
    ).rejects.toMatchObject({
      details: { field: 'inputs[0]' },
    });
    const reader = testPrincipal({ scopes: ['credentials:read'] });
    await expect(inference.chat(reader, { credentialId, request })).rejects.toMatchObject({
      code: 'permission_denied',
    });
  });
});

import {
  ProviderError,
  type ChatRequest,
  type ChatStreamEvent,
  type ProviderCall,
} from '@integration-api/core';
import { UpstreamClients } from '../http/upstream-clients.js';
import { MockProviderServer, chatCompletionChunks, json, namedEvent, sse } from '../testing/index.js';
import { createOpenAICompatibleChat, type OpenAICompatibleChat } from './openai-compatible-chat.js';
import { openAIDialect, type OpenAICompatibleDialect } from './openai-compatible-dialect.js';

const request: ChatRequest = { model: 'm', messages: [{ role: 'user', content: 'Hi' }] };
const textChunks = chatCompletionChunks({
  model: 'm-1',
  text: ['Hel', 'lo'],
  usage: { prompt: 3, completion: 2 },
});

describe('createOpenAICompatibleChat', () => {
  let server: MockProviderServer;
  let clients: UpstreamClients;

  beforeEach(async () => {
    server = await MockProviderServer.start();
    clients = new UpstreamClients({ allowPrivate: true, headersTimeoutMs: 2000, bodyTimeoutMs: 2000 });
  });

  afterEach(async () => {
    await clients.close();
    await server.close();
  });

  const chatWith = (dialect: OpenAICompatibleDialect = openAIDialect('openai', ['x-request-id'])) =>
    createOpenAICompatibleChat({
      dialect,
      clients,
      target: () => ({ url: server.urlFor('/chat'), headers: { authorization: 'Bearer k-123' }, model: 'm' }),
    });
  const call = (): ProviderCall<ChatRequest> => ({
    request,
    secret: { apiKey: 'k-123' },
    config: {},
    signal: new AbortController().signal,
  });
  const collect = async (chat: OpenAICompatibleChat) => {
    const events: ChatStreamEvent[] = [];
    for await (const event of chat.streamChat(call())) events.push(event);
    return events;
  };
  const failure = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (e: unknown) => e,
    );

  it('asks for JSON and for an event stream, and takes the request id from the headers', async () => {
    // The newest route answers first: the JSON answer once, then the stream.
    server.route('POST', '/chat', sse(textChunks, { headers: { 'x-request-id': 'req_s' } }));
    server.route(
      'POST',
      '/chat',
      json(200, { id: 'body-id', choices: [{ message: { content: 'x' } }] }, { 'x-request-id': 'req_h' }),
      { times: 1 },
    );
    const chat = chatWith();
    expect((await chat.chat(call())).providerRequestId).toBe('req_h');
    const events = await collect(chat);
    expect(events.at(-1)).toMatchObject({ type: 'finish', providerRequestId: 'req_s', model: 'm-1' });
    expect(server.requests[0]!.headers).toMatchObject({
      'content-type': 'application/json',
      accept: 'application/json',
    });
    expect(server.requests[1]!.headers).toMatchObject({ accept: 'text/event-stream' });
  });

  it('throws an error a server returns inside a 200 answer', async () => {
    server.route(
      'POST',
      '/chat',
      json(200, { error: { message: 'Model overloaded', type: 'server_error' } }),
    );
    expect(await failure(chatWith().chat(call()))).toMatchObject({
      kind: 'unavailable',
      message: 'openai: Model overloaded',
    });
  });

  it('throws when a stream ends cleanly without [DONE]', async () => {
    server.route('POST', '/chat', sse(textChunks, { done: false }));
    const error = await failure(collect(chatWith()));
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ kind: 'error', message: 'openai: the stream ended before [DONE]' });
  });

  it('accepts a clean end after a finish_reason from a server that sends no [DONE]', async () => {
    server.route('POST', '/chat', sse(textChunks, { done: false }));
    const events = await collect(
      chatWith({ ...openAIDialect('huggingface', []), streamEndsWithDone: false }),
    );
    expect(events.filter((e) => e.type === 'finish')).toEqual([
      {
        type: 'finish',
        finishReason: 'stop',
        rawFinishReason: 'stop',
        model: 'm-1',
        providerRequestId: 'chatcmpl-mock',
      },
    ]);
  });

  it('still throws when such a server ends without a finish_reason', async () => {
    server.route('POST', '/chat', sse(textChunks.slice(0, 2), { done: false }));
    const error = await failure(
      collect(chatWith({ ...openAIDialect('huggingface', []), streamEndsWithDone: false })),
    );
    expect(error).toMatchObject({
      kind: 'error',
      message: 'huggingface: the stream ended before a finish_reason',
    });
  });

  it('ignores whatever follows [DONE]', async () => {
    server.route(
      'POST',
      '/chat',
      sse([...textChunks, '[DONE]', { choices: [{ delta: { content: 'late' } }] }], { done: false }),
    );
    const events = await collect(chatWith());
    expect(events.filter((e) => e.type === 'text-delta').map((e) => e.delta)).toEqual(['Hel', 'lo']);
    expect(events.filter((e) => e.type === 'finish')).toHaveLength(1);
  });

  it('finishes even when the server keeps the body open after [DONE]', async () => {
    server.route(
      'POST',
      '/chat',
      sse([...textChunks, '[DONE]', 'never sent'], { done: false, hangAfter: textChunks.length + 1 }),
    );
    const events = await collect(chatWith());
    expect(events.at(-1)).toMatchObject({ type: 'finish', finishReason: 'stop' });
  });

  it('throws an `event: error` event', async () => {
    server.route(
      'POST',
      '/chat',
      sse(
        [
          textChunks[0],
          namedEvent('error', { error: { message: 'Quota exceeded', code: 'insufficient_quota' } }),
        ],
        {
          done: false,
        },
      ),
    );
    expect(await failure(collect(chatWith()))).toMatchObject({
      kind: 'rate_limited',
      message: 'openai: Quota exceeded',
    });
  });

  it('throws on an event that is not JSON', async () => {
    server.route('POST', '/chat', sse([textChunks[0], '{oops']));
    expect(await failure(collect(chatWith()))).toMatchObject({
      kind: 'error',
      message: 'openai: the stream held an event that is not JSON',
    });
  });
});

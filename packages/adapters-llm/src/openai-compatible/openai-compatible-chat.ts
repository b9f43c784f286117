import {
  ProviderError,
  type ChatRequest,
  type ChatStreamEvent,
  type ProviderCall,
  type ProviderChatResult,
} from '@integration-api/core';
import { readProviderEvents } from '../http/provider-event-stream.js';
import {
  firstHeader,
  postJson,
  postJsonForStream,
  type ProviderContext,
} from '../http/send-provider-request.js';
import type { UpstreamClients } from '../http/upstream-clients.js';
import { buildOpenAICompatibleChatBody } from './build-openai-compatible-chat-body.js';
import type { OpenAICompatibleDialect } from './openai-compatible-dialect.js';
import { openAICompatibleErrorOf } from './openai-compatible-error.js';
import { OpenAICompatibleStreamDecoder } from './openai-compatible-stream-decoder.js';
import type { OpenAICompatibleTarget } from './openai-compatible-target.js';
import { parseOpenAICompatibleResponse } from './parse-openai-compatible-response.js';

export interface OpenAICompatibleChatDeps {
  readonly dialect: OpenAICompatibleDialect;
  readonly clients: UpstreamClients;
  /** The chat-completions URL, headers and model for a call. */
  readonly target: (call: ProviderCall<ChatRequest>) => OpenAICompatibleTarget;
}

export interface OpenAICompatibleChat {
  chat(call: ProviderCall<ChatRequest>): Promise<ProviderChatResult>;
  streamChat(call: ProviderCall<ChatRequest>): AsyncGenerator<ChatStreamEvent>;
}

/**
 * Once `[DONE]` arrived the answer is complete; reading on lets the connection end cleanly and
 * return to the pool, but a server that keeps the body open gets only this long.
 */
const AFTER_DONE_GRACE_MS = 1000;

/** `chat` and `streamChat` over `/chat/completions` in the dialect of one provider. */
export function createOpenAICompatibleChat(deps: OpenAICompatibleChatDeps): OpenAICompatibleChat {
  const { dialect, clients } = deps;
  const { provider } = dialect;
  const contextOf = (call: ProviderCall<ChatRequest>): ProviderContext => ({
    provider,
    clients,
    secret: call.secret,
  });

  return {
    async chat(call) {
      const target = deps.target(call);
      const { json, headers } = await postJson(contextOf(call), {
        url: target.url,
        headers: target.headers,
        body: buildOpenAICompatibleChatBody(call.request, dialect, { stream: false, model: target.model }),
        signal: call.signal,
      });
      const reported = openAICompatibleErrorOf(provider, json, Object.values(call.secret));
      if (reported) throw reported;
      return parseOpenAICompatibleResponse(json, {
        provider,
        requestId: firstHeader(headers, dialect.requestIdHeaders),
      });
    },

    async *streamChat(call) {
      const target = deps.target(call);
      const body = buildOpenAICompatibleChatBody(call.request, dialect, {
        stream: true,
        model: target.model,
      });
      const response = await postJsonForStream(contextOf(call), {
        url: target.url,
        headers: target.headers,
        body,
        signal: call.signal,
      });
      const decoder = new OpenAICompatibleStreamDecoder({
        provider,
        requestId: firstHeader(response.headers, dialect.requestIdHeaders),
        secrets: Object.values(call.secret),
      });
      const events = readProviderEvents(response, {
        provider,
        signal: call.signal,
        ...(dialect.streamEndsWithDone ? { endMarker: '[DONE]' } : {}),
      });

      let done = false;
      let grace: NodeJS.Timeout | undefined;
      try {
        for await (const event of events) {
          if (done) continue;
          if (event.data === '[DONE]') {
            done = true;
            grace = setTimeout(() => response.body.destroy(), AFTER_DONE_GRACE_MS);
            yield* decoder.end();
            continue;
          }
          const payload = parseEventData(provider, event.data);
          if (event.event === 'error') {
            throw (
              openAICompatibleErrorOf(provider, payload, Object.values(call.secret)) ??
              new ProviderError('error', provider, 'the stream reported an error')
            );
          }
          yield* decoder.push(payload);
        }
      } catch (error) {
        // After [DONE] the answer is whole; a broken tail changes nothing.
        if (!done) throw error;
      } finally {
        clearTimeout(grace);
      }
      if (done) return;
      if (!dialect.streamEndsWithDone && decoder.sawFinishReason) {
        yield* decoder.end();
        return;
      }
      throw new ProviderError(
        'error',
        provider,
        dialect.streamEndsWithDone
          ? 'the stream ended before [DONE]'
          : 'the stream ended before a finish_reason',
      );
    },
  };
}

function parseEventData(provider: OpenAICompatibleDialect['provider'], data: string): unknown {
  try {
    return JSON.parse(data) as unknown;
  } catch {
    throw new ProviderError('error', provider, 'the stream held an event that is not JSON');
  }
}

import { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ChatResult, InferenceStreamEvent } from '@integration-api/core';
import type { FastifyReply } from 'fastify';
import { principalOf } from '../auth/authentication.js';
import { ChatCompletionChunks } from './chat-completion-chunks.js';
import { clientAbortSignal } from './client-abort-signal.js';
import { toChatRequest } from './convert-chat-request.js';
import { newCompletionMeta, toChatCompletion } from './convert-chat-response.js';
import { findUsableCredential, parseModelRef } from './model-ref.js';
import type { OpenAiRoutesOptions } from './openai-compat.js';
import { logFailure, openAiNotFound } from './openai-error-handling.js';
import { toOpenAiError } from './openai-error.js';
import { ChatCompletionBody } from './openai-schemas.js';
import { OVERHEAD_HEADER, overheadMs } from './overhead.js';
import { SSE_DONE, sseData } from './sse.js';

/** `POST /v1/chat/completions`, streamed (server-sent events) or not. */
export const chatCompletionsRoute: FastifyPluginAsyncTypebox<OpenAiRoutesOptions> = async (
  app,
  { inference, credentials, bodyLimitBytes },
) => {
  app.setNotFoundHandler(openAiNotFound);
  app.post(
    '/completions',
    {
      bodyLimit: bodyLimitBytes,
      schema: {
        tags: ['openai'],
        summary: 'Chat completion with any stored credential (OpenAI-compatible)',
        description:
          '`model` is `<credential name or id>/<provider model>`. Answers and errors are in OpenAI’s ' +
          'shape; with `stream: true`, server-sent chunks end with `data: [DONE]`.',
        body: ChatCompletionBody,
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const { body } = request;
      const ref = parseModelRef(body.model);
      const chatRequest = toChatRequest(body, ref.model);
      const credential = await findUsableCredential(credentials, principal, ref.credential);
      const call = { credentialId: credential.id, request: chatRequest, signal: clientAbortSignal(reply) };
      const meta = newCompletionMeta(body.model);

      if (body.stream) {
        const chunks = new ChatCompletionChunks(meta, body.stream_options?.include_usage === true);
        return sendStream(reply, inference.streamChat(principal, call), chunks);
      }
      const result = await inference.chat(principal, call);
      reply.header(OVERHEAD_HEADER, overheadMs(reply.elapsedTime, result.metrics.latencyMs));
      // The model the provider says answered (`gpt-4o-2024-08-06` for `gpt-4o`), under the same credential.
      return toChatCompletion(result, { ...meta, model: `${ref.credential}/${result.model ?? ref.model}` });
    },
  );
};

/**
 * Waits for the first event before answering, so that what fails before the answer starts (an
 * unknown model, a rate limit) is an ordinary error response with its status. After that the
 * status is sent: a failure becomes an error event and the stream ends without `[DONE]`.
 *
 * The overhead cannot be known when the headers leave, so it follows the body as an HTTP trailer
 * (announced by `Trailer: x-integration-overhead-ms`), measured as for answers that are not streamed.
 */
async function sendStream(
  reply: FastifyReply,
  events: AsyncGenerator<InferenceStreamEvent>,
  chunks: ChatCompletionChunks,
): Promise<FastifyReply> {
  const first = await events.next();
  let overhead: string | undefined;
  reply.trailer(OVERHEAD_HEADER, (_reply, _payload, done) => {
    if (overhead === undefined) done(new Error('the stream failed; there is no overhead to report'));
    else done(null, overhead);
  });
  const onDone = (result: ChatResult) => {
    overhead = overheadMs(reply.elapsedTime, result.metrics.latencyMs);
  };
  const onError = (error: unknown) => {
    const response = toOpenAiError(error);
    logFailure(reply.log, error, response);
    return response.body;
  };
  return reply
    .header('content-type', 'text/event-stream; charset=utf-8')
    .header('cache-control', 'no-cache')
    .header('x-accel-buffering', 'no')
    .send(Readable.from(sseFrames(first, events, chunks, onDone, onError)));
}

async function* sseFrames(
  first: IteratorResult<InferenceStreamEvent>,
  events: AsyncGenerator<InferenceStreamEvent>,
  chunks: ChatCompletionChunks,
  onDone: (result: ChatResult) => void,
  onError: (error: unknown) => unknown,
): AsyncGenerator<string> {
  try {
    for (let next = first; !next.done; next = await events.next()) {
      const event = next.value;
      if (event.type === 'done') onDone(event.result);
      for (const chunk of chunks.map(event)) yield sseData(chunk);
    }
    yield SSE_DONE;
  } catch (error) {
    yield sseData(onError(error));
  } finally {
    // Stopped early (the client left): let core and the adapter close the upstream stream.
    await events.return(undefined);
  }
}

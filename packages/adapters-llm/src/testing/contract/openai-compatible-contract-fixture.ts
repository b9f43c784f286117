import type { OutgoingHttpHeaders } from 'node:http';
import type {
  CredentialConfig,
  ProviderAdapter,
  ProviderFailureKind,
  ProviderId,
  SecretPayload,
  Usage,
} from '@integration-api/core';
import type { UpstreamClients } from '../../http/upstream-clients.js';
import type { MockProviderServer } from '../mock-provider-server.js';
import { json, sse } from '../mock-replies.js';
import {
  chatCompletion,
  chatCompletionChunks,
  embeddingList,
  type CompletionStyle,
} from '../openai-compatible-replies.js';
import type { AdapterContractFixture, ContractCase, ExpectedRequest } from './chat-contract-fixture.js';
import {
  CONTRACT_ANSWER_MODEL,
  CONTRACT_DETAILED_USAGE,
  CONTRACT_EMBED_INPUT_TOKENS,
  CONTRACT_EMBED_REQUEST,
  CONTRACT_EMBEDDINGS,
  CONTRACT_IMAGE_BASE64,
  CONTRACT_MID_STREAM_ERROR,
  CONTRACT_PARALLEL_FRAGMENTS,
  CONTRACT_PARALLEL_TOOL_CALLS,
  CONTRACT_TEXT,
  CONTRACT_TEXT_PIECES,
  CONTRACT_TOOL_CALL,
  CONTRACT_TOOL_RESULTS_TEXT,
  CONTRACT_USAGE,
  CONTRACT_VISION_TEXT,
  CONTRACT_WEATHER_TOOL,
} from './contract-data.js';

/**
 * What distinguishes one OpenAI-compatible provider in the contract. Each field is stated by
 * the provider's test, not derived from the adapter, so the test says what the wire must carry.
 */
export interface OpenAICompatibleContractOptions {
  readonly name: string;
  readonly provider: ProviderId;
  readonly style: CompletionStyle;
  createAdapter(clients: UpstreamClients): ProviderAdapter;
  credential(mock: MockProviderServer): { secret: SecretPayload; config: CredentialConfig };
  /** Without `embed`, the fixture has no embeddings case (for a provider that declares none). */
  readonly paths: { readonly chat: string; readonly embed?: string; readonly verify: string };
  /** Whether the provider takes images (default true); without, the fixture has no vision case. */
  readonly vision?: boolean;
  /** The exact query of inference requests (`{}` for none) and of the verification request. */
  readonly query: Readonly<Record<string, string>>;
  readonly verifyQuery: Readonly<Record<string, string>>;
  /** Headers every request must carry (auth, organization...). */
  readonly headers: Readonly<Record<string, string>>;
  readonly absentHeaders?: readonly string[];
  /** The whole body expected for CONTRACT_TEXT_REQUEST, spelled in the provider's dialect. */
  readonly textBody: Readonly<Record<string, unknown>>;
  /** The model the bodies name (Azure: the deployment). */
  readonly chatModel: string;
  /** The model embedding bodies name; needed with `paths.embed`. */
  readonly embeddingModel?: string;
  readonly requiredToolChoice: 'required' | 'any';
  /** Whether a streamed request asks for usage with `stream_options.include_usage`. */
  readonly streamUsageOption: boolean;
  /** Whether tool results carry the tool's name. */
  readonly toolMessageName: boolean;
  readonly dimensionsField: 'dimensions' | 'output_dimension';
  /** The provider's error body. */
  errorBody(message: string): unknown;
  /** The payload the provider sends when it fails mid-stream with `message`, and the kind it maps to. */
  readonly midStreamError: { payload(message: string): unknown; readonly kind: ProviderFailureKind };
  readonly usageFields: readonly (keyof Usage)[];
}

/** The contract fixture of an OpenAI-compatible provider. */
export function openAICompatibleContractFixture(
  options: OpenAICompatibleContractOptions,
): AdapterContractFixture {
  const { style } = options;
  const model = CONTRACT_ANSWER_MODEL;
  const chatRoute = { method: 'POST', path: options.paths.chat };
  const expectChat = (extra: Partial<ExpectedRequest>): ExpectedRequest => ({
    ...chatRoute,
    query: options.query,
    headers: options.headers,
    ...(options.absentHeaders ? { absentHeaders: options.absentHeaders } : {}),
    ...extra,
  });
  const streamed = (bodyIncludes: Record<string, unknown>) =>
    expectChat({
      bodyIncludes: {
        model: options.chatModel,
        stream: true,
        ...(options.streamUsageOption ? { stream_options: { include_usage: true } } : {}),
        ...bodyIncludes,
      },
    });
  const answer = (
    input: Omit<Parameters<typeof chatCompletion>[0], 'model' | 'style'>,
  ): ContractCase['reply'] =>
    json(200, chatCompletion({ model, style, ...input }), { 'x-request-id': 'req_contract' });
  const textChunks = chatCompletionChunks({
    model,
    style,
    text: [...CONTRACT_TEXT_PIECES],
    usage: { prompt: CONTRACT_USAGE.inputTokens!, completion: CONTRACT_USAGE.outputTokens! },
  });
  const firstTextAt = textChunks.findIndex((chunk) =>
    JSON.stringify(chunk).includes(`"${CONTRACT_TEXT_PIECES[0]}"`),
  );
  const toolMessage = (toolCallId: string, content: string) => ({
    role: 'tool',
    tool_call_id: toolCallId,
    ...(options.toolMessageName ? { name: 'get_weather' } : {}),
    content,
  });

  return {
    name: options.name,
    provider: options.provider,
    createAdapter: options.createAdapter,
    credential: options.credential,
    routes: {
      chat: chatRoute,
      stream: chatRoute,
      ...(options.paths.embed ? { embed: { method: 'POST', path: options.paths.embed } } : {}),
    },
    errorReply: (status: number, message: string, headers?: OutgoingHttpHeaders) =>
      json(status, options.errorBody(message), headers),
    cases: {
      text: {
        reply: answer({ text: CONTRACT_TEXT, usage: { prompt: 12, completion: 4 } }),
        expect: expectChat({ body: options.textBody }),
      },
      streamText: {
        reply: sse(textChunks, { keepAliveComments: true }),
        expect: streamed({
          messages: [
            { role: 'system', content: 'You are terse.' },
            { role: 'user', content: 'Say hello.' },
          ],
        }),
      },
      toolCall: {
        reply: answer({ toolCalls: [CONTRACT_TOOL_CALL], usage: { prompt: 40, completion: 9 } }),
        expect: expectChat({
          bodyIncludes: {
            model: options.chatModel,
            tools: [
              {
                type: 'function',
                function: {
                  name: CONTRACT_WEATHER_TOOL.name,
                  description: CONTRACT_WEATHER_TOOL.description,
                  parameters: CONTRACT_WEATHER_TOOL.parameters,
                },
              },
            ],
            tool_choice: options.requiredToolChoice,
          },
        }),
      },
      parallelToolCalls: {
        reply: sse(
          chatCompletionChunks({
            model,
            style,
            toolCalls: CONTRACT_PARALLEL_TOOL_CALLS.map((call, i) => ({
              id: call.id,
              name: call.name,
              fragments: CONTRACT_PARALLEL_FRAGMENTS[i]!,
            })),
            usage: { prompt: 60, completion: 30 },
          }),
        ),
        expect: streamed({ tool_choice: 'auto', parallel_tool_calls: true }),
      },
      toolResults: {
        reply: answer({ text: CONTRACT_TOOL_RESULTS_TEXT, usage: { prompt: 90, completion: 12 } }),
        expect: expectChat({
          bodyIncludes: {
            messages: [
              { role: 'user', content: 'Weather in Paris and Rome?' },
              {
                role: 'assistant',
                content: '',
                tool_calls: CONTRACT_PARALLEL_TOOL_CALLS.map((call) => ({
                  id: call.id,
                  type: 'function',
                  function: { name: call.name, arguments: call.arguments },
                })),
              },
              toolMessage('callParis2', '{"celsius":18}'),
              toolMessage('callRome02', '{"celsius":24}'),
            ],
          },
        }),
      },
      usage: {
        reply: answer({
          text: 'A summary.',
          usage: {
            prompt: CONTRACT_DETAILED_USAGE.inputTokens,
            completion: CONTRACT_DETAILED_USAGE.outputTokens,
            cached: CONTRACT_DETAILED_USAGE.cachedInputTokens,
            reasoning: CONTRACT_DETAILED_USAGE.reasoningTokens,
          },
        }),
        expect: expectChat({ bodyIncludes: { model: options.chatModel } }),
        fields: options.usageFields,
      },
      vision:
        options.vision === false
          ? undefined
          : {
              reply: answer({ text: CONTRACT_VISION_TEXT, usage: { prompt: 800, completion: 8 } }),
              expect: expectChat({
                bodyIncludes: {
                  messages: [
                    {
                      role: 'user',
                      content: [
                        { type: 'text', text: 'What is in these images?' },
                        { type: 'image_url', image_url: { url: 'https://example.com/cat.png' } },
                        {
                          type: 'image_url',
                          image_url: { url: `data:image/png;base64,${CONTRACT_IMAGE_BASE64}` },
                        },
                      ],
                    },
                  ],
                },
              }),
            },
      midStreamError: {
        reply: sse(
          [
            ...textChunks.slice(0, firstTextAt + 1),
            options.midStreamError.payload(CONTRACT_MID_STREAM_ERROR),
          ],
          {
            done: false,
          },
        ),
        kind: options.midStreamError.kind,
      },
      truncatedStream: { reply: sse(textChunks, { truncateAfter: firstTextAt + 2 }) },
      stalledStream: { reply: sse(textChunks, { hangAfter: firstTextAt + 1 }) },
      embeddings:
        options.paths.embed === undefined
          ? undefined
          : {
              reply: json(
                200,
                embeddingList(CONTRACT_EMBEDDINGS, {
                  model: CONTRACT_EMBED_REQUEST.model,
                  promptTokens: CONTRACT_EMBED_INPUT_TOKENS,
                }),
              ),
              expect: {
                method: 'POST',
                path: options.paths.embed,
                query: options.query,
                headers: options.headers,
                body: {
                  model: options.embeddingModel ?? CONTRACT_EMBED_REQUEST.model,
                  input: [...CONTRACT_EMBED_REQUEST.inputs],
                  encoding_format: 'float',
                  [options.dimensionsField]: CONTRACT_EMBED_REQUEST.dimensions,
                },
              },
            },
      verify: {
        ok: {
          reply: json(200, { object: 'list', data: [{ id: CONTRACT_ANSWER_MODEL, object: 'model' }] }),
          expect: {
            method: 'GET',
            path: options.paths.verify,
            query: options.verifyQuery,
            headers: options.headers,
          },
        },
        refused: { reply: json(401, options.errorBody('Unauthorized')) },
      },
    },
  };
}

import { Type, type Static, type TSchema } from 'typebox';

/*
 * The request bodies of the OpenAI-compatible routes. They check types only, and loosely: real
 * clients send fields we do not know (`user`, `store`, `metadata`…) and `null` for fields they
 * leave unset, and both must pass. Message contents are checked by the mappers, whose errors name
 * the field (`messages[2].tool_call_id`) better than a schema union could.
 */

const nullable = <T extends TSchema>(schema: T) => Type.Optional(Type.Union([schema, Type.Null()]));
const open = { additionalProperties: true } as const;
const JsonObject = Type.Record(Type.String(), Type.Unknown());

const ModelField = Type.String({
  minLength: 1,
  description:
    '`<credential name or id>/<provider model>`, split at the first `/`: `main/gpt-4o-mini`, ' +
    '`hf/meta-llama/Llama-3.3-70B-Instruct`.',
});

const ProviderOptions = nullable(
  Type.Record(Type.String(), Type.Unknown(), {
    description: "Not OpenAI's: merged as is into the provider's own request body.",
  }),
);

export const ChatCompletionBody = Type.Object(
  {
    model: ModelField,
    messages: Type.Array(Type.Object({ role: Type.String() }, open), { minItems: 1 }),
    stream: nullable(Type.Boolean()),
    stream_options: nullable(Type.Object({ include_usage: nullable(Type.Boolean()) }, open)),
    temperature: nullable(Type.Number()),
    top_p: nullable(Type.Number()),
    max_tokens: nullable(Type.Integer()),
    max_completion_tokens: nullable(Type.Integer()),
    stop: nullable(Type.Union([Type.String(), Type.Array(Type.String())])),
    seed: nullable(Type.Integer()),
    presence_penalty: nullable(Type.Number()),
    frequency_penalty: nullable(Type.Number()),
    n: nullable(Type.Integer({ description: 'Only 1 is supported.' })),
    tools: nullable(
      Type.Array(
        Type.Object(
          {
            type: Type.String(),
            function: Type.Optional(
              Type.Object(
                {
                  name: Type.String(),
                  description: nullable(Type.String()),
                  parameters: nullable(JsonObject),
                  strict: nullable(Type.Boolean()),
                },
                open,
              ),
            ),
          },
          open,
        ),
      ),
    ),
    tool_choice: nullable(
      Type.Union([
        Type.String(),
        Type.Object(
          { type: Type.String(), function: Type.Optional(Type.Object({ name: Type.String() }, open)) },
          open,
        ),
      ]),
    ),
    parallel_tool_calls: nullable(Type.Boolean()),
    response_format: nullable(
      Type.Object(
        {
          type: Type.String(),
          json_schema: Type.Optional(
            Type.Object(
              {
                name: Type.String(),
                description: nullable(Type.String()),
                schema: nullable(JsonObject),
                strict: nullable(Type.Boolean()),
              },
              open,
            ),
          ),
        },
        open,
      ),
    ),
    reasoning_effort: nullable(Type.String()),
    functions: Type.Optional(Type.Unknown()),
    function_call: Type.Optional(Type.Unknown()),
    provider_options: ProviderOptions,
  },
  { ...open, description: "OpenAI's chat completion request; unknown fields are ignored." },
);
export type ChatCompletionBody = Static<typeof ChatCompletionBody>;

export const EmbeddingsBody = Type.Object(
  {
    model: ModelField,
    input: Type.Union([
      Type.String(),
      Type.Array(Type.String()),
      Type.Array(Type.Number()),
      Type.Array(Type.Array(Type.Number())),
    ]),
    encoding_format: nullable(Type.String({ description: '`float` (default) or `base64`.' })),
    dimensions: nullable(Type.Integer()),
    input_type: nullable(
      Type.String({ description: 'Not in OpenAI: `query` or `document`, for retrieval models.' }),
    ),
    provider_options: ProviderOptions,
  },
  { ...open, description: "OpenAI's embeddings request; unknown fields are ignored." },
);
export type EmbeddingsBody = Static<typeof EmbeddingsBody>;

export const RerankBody = Type.Object(
  {
    model: ModelField,
    query: Type.String(),
    documents: Type.Array(Type.Union([Type.String(), Type.Object({ text: Type.String() }, open)]), {
      minItems: 1,
    }),
    top_n: nullable(Type.Integer()),
    return_documents: nullable(Type.Boolean()),
    provider_options: ProviderOptions,
  },
  { ...open, description: 'A Cohere-style rerank request; unknown fields are ignored.' },
);
export type RerankBody = Static<typeof RerankBody>;

import type {
  ChatRequest,
  EmbedRequest,
  RerankItem,
  RerankRequest,
  ToolCall,
  ToolDefinition,
  Usage,
} from '@integration-api/core';

/**
 * The canonical requests and answers of the adapter contract. A provider fixture scripts the mock
 * to answer these in its own wire format (the answer's text, tool calls, usage and model below)
 * and states the upstream request it expects for each request; the suite checks the adapter's
 * results against these values, so every provider is held to the same outcomes.
 */

export const CONTRACT_MODEL = 'contract-model';
/** The model the provider reports in its answers (often more specific than the one asked for). */
export const CONTRACT_ANSWER_MODEL = 'contract-model-2025-01-01';
export const CONTRACT_EMBEDDING_MODEL = 'contract-embedding-model';
export const CONTRACT_RERANK_MODEL = 'contract-rerank-model';

export const CONTRACT_WEATHER_TOOL: ToolDefinition = {
  name: 'get_weather',
  description: 'Current weather of a city',
  parameters: {
    type: 'object',
    properties: { city: { type: 'string' } },
    required: ['city'],
    additionalProperties: false,
  },
};

export const CONTRACT_TEXT_REQUEST: ChatRequest = {
  model: CONTRACT_MODEL,
  messages: [
    { role: 'system', content: 'You are terse.' },
    { role: 'user', content: 'Say hello.' },
  ],
  temperature: 0.5,
  maxOutputTokens: 64,
};
export const CONTRACT_TEXT = 'Hello, world!';
/** How the streamed answer splits the text; fixtures send one piece per chunk. */
export const CONTRACT_TEXT_PIECES = ['Hello', ', ', 'world!'] as const;
export const CONTRACT_USAGE: Usage = { inputTokens: 12, outputTokens: 4, totalTokens: 16 };

export const CONTRACT_TOOL_REQUEST: ChatRequest = {
  model: CONTRACT_MODEL,
  messages: [{ role: 'user', content: 'What is the weather in Paris?' }],
  tools: [CONTRACT_WEATHER_TOOL],
  toolChoice: { type: 'required' },
};
export const CONTRACT_TOOL_CALL: ToolCall = {
  id: 'callParis1',
  name: 'get_weather',
  arguments: '{"city":"Paris"}',
};

export const CONTRACT_PARALLEL_REQUEST: ChatRequest = {
  model: CONTRACT_MODEL,
  messages: [{ role: 'user', content: 'Weather in Paris and Rome?' }],
  tools: [CONTRACT_WEATHER_TOOL],
  toolChoice: { type: 'auto' },
  parallelToolCalls: true,
};
export const CONTRACT_PARALLEL_TOOL_CALLS: readonly ToolCall[] = [
  { id: 'callParis2', name: 'get_weather', arguments: '{"city":"Paris"}' },
  { id: 'callRome02', name: 'get_weather', arguments: '{"city":"Rome"}' },
];
/** How a streaming provider may split each call's arguments (fixtures of fragment-streaming providers use these). */
export const CONTRACT_PARALLEL_FRAGMENTS: readonly (readonly string[])[] = [
  ['{"ci', 'ty":"Pa', 'ris"}'],
  ['{"city"', ':"Rome"}'],
];

export const CONTRACT_TOOL_RESULTS_REQUEST: ChatRequest = {
  model: CONTRACT_MODEL,
  messages: [
    { role: 'user', content: 'Weather in Paris and Rome?' },
    { role: 'assistant', toolCalls: CONTRACT_PARALLEL_TOOL_CALLS },
    { role: 'tool', toolCallId: 'callParis2', name: 'get_weather', content: '{"celsius":18}' },
    { role: 'tool', toolCallId: 'callRome02', name: 'get_weather', content: '{"celsius":24}' },
  ],
  tools: [CONTRACT_WEATHER_TOOL],
};
export const CONTRACT_TOOL_RESULTS_TEXT = 'Paris has 18 °C, Rome 24 °C.';

/** A plain request whose answer reports every usage detail the provider knows. */
export const CONTRACT_USAGE_REQUEST: ChatRequest = {
  model: CONTRACT_MODEL,
  messages: [{ role: 'user', content: 'Summarize the long document above.' }],
};
export const CONTRACT_DETAILED_USAGE: Required<Usage> = {
  inputTokens: 1200,
  outputTokens: 300,
  totalTokens: 1500,
  cachedInputTokens: 1024,
  reasoningTokens: 192,
};

export const CONTRACT_IMAGE_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
export const CONTRACT_VISION_REQUEST: ChatRequest = {
  model: CONTRACT_MODEL,
  messages: [
    {
      role: 'user',
      content: [
        { type: 'text', text: 'What is in these images?' },
        { type: 'image', url: 'https://example.com/cat.png' },
        { type: 'image', data: CONTRACT_IMAGE_BASE64, mediaType: 'image/png' },
      ],
    },
  ],
};
/** The same question for providers that take images inline only: a data: URL, then base64 data. */
export const CONTRACT_INLINE_VISION_REQUEST: ChatRequest = {
  model: CONTRACT_MODEL,
  messages: [
    {
      role: 'user',
      content: [
        { type: 'text', text: 'What is in these images?' },
        { type: 'image', url: `data:image/png;base64,${CONTRACT_IMAGE_BASE64}` },
        { type: 'image', data: CONTRACT_IMAGE_BASE64, mediaType: 'image/png' },
      ],
    },
  ],
};
export const CONTRACT_VISION_TEXT = 'A cat and a single pixel.';

export const CONTRACT_EMBED_REQUEST: EmbedRequest = {
  model: CONTRACT_EMBEDDING_MODEL,
  inputs: ['first text', 'second text'],
  dimensions: 3,
};
export const CONTRACT_EMBEDDINGS: readonly (readonly number[])[] = [
  [0.1, 0.2, 0.3],
  [0.4, 0.5, 0.6],
];
export const CONTRACT_EMBED_INPUT_TOKENS = 4;

export const CONTRACT_RERANK_REQUEST: RerankRequest = {
  model: CONTRACT_RERANK_MODEL,
  query: 'Which city is the capital of Italy?',
  documents: [
    'Paris is the capital of France.',
    'Berlin is the capital of Germany.',
    'Rome is the capital of Italy.',
  ],
  topN: 2,
};
/** The best `topN` documents, best first, each named by its position in the request. */
export const CONTRACT_RERANK_RESULTS: readonly RerankItem[] = [
  { index: 2, relevanceScore: 0.93 },
  { index: 0, relevanceScore: 0.12 },
];
/** What rerank answers bill: Cohere counts search units, Voyage tokens, Bedrock nothing. */
export const CONTRACT_RERANK_USAGE = { searchUnits: 1, inputTokens: 38 } as const;

/** What a provider says mid-stream when it fails; the adapter must surface it. */
export const CONTRACT_MID_STREAM_ERROR = 'The server had an error while processing your request.';

/** An error message that echoes the caller's secret, as some providers do. */
export function contractEchoMessage(secret: string): string {
  return `Invalid value for 'model' with key ${secret}.`;
}

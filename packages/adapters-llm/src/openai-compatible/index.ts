export type * from './openai-compatible-api.js';
export { openAIDialect, type OpenAICompatibleDialect } from './openai-compatible-dialect.js';
export type { OpenAICompatibleTarget } from './openai-compatible-target.js';
export {
  createOpenAICompatibleChat,
  type OpenAICompatibleChat,
  type OpenAICompatibleChatDeps,
} from './openai-compatible-chat.js';
export { createOpenAICompatibleEmbed, type OpenAICompatibleEmbedDeps } from './openai-compatible-embed.js';
export { buildOpenAICompatibleChatBody, type ChatBodyOptions } from './build-openai-compatible-chat-body.js';
export {
  convertToOpenAICompatibleMessages,
  type MessageConversionOptions,
} from './convert-to-openai-compatible-messages.js';
export { prepareOpenAICompatibleTools, type PreparedTools } from './openai-compatible-prepare-tools.js';
export {
  mapOpenAICompatibleFinishReason,
  type FinishContext,
} from './map-openai-compatible-finish-reason.js';
export { convertOpenAICompatibleUsage } from './convert-openai-compatible-usage.js';
export { readAssistantText, type AssistantText } from './openai-compatible-content.js';
export { openAICompatibleErrorOf } from './openai-compatible-error.js';
export {
  parseOpenAICompatibleResponse,
  argumentsText,
  type ResponseMeta,
} from './parse-openai-compatible-response.js';
export {
  OpenAICompatibleStreamDecoder,
  type StreamDecoderOptions,
} from './openai-compatible-stream-decoder.js';
export { buildOpenAICompatibleEmbeddingBody } from './build-openai-compatible-embedding-body.js';
export {
  parseOpenAICompatibleEmbeddings,
  type EmbeddingsMeta,
} from './parse-openai-compatible-embeddings.js';

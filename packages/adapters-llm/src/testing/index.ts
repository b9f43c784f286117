export * from './mock-provider-server.js';
export * from './mock-replies.js';
export * from './openai-compatible-replies.js';
export * from './contract/index.js';

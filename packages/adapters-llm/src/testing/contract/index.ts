export * from './chat-contract-fixture.js';
export * from './contract-coverage.js';
export * from './contract-data.js';
export * from './run-chat-contract.js';
export * from './openai-compatible-contract-fixture.js';

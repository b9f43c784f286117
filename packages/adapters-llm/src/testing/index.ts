export * from './mock-provider-server.js';
export * from './mock-replies.js';

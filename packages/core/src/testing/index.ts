export * from './in-memory-credential-repository.js';
export * from './fakes.js';

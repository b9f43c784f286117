export * from './in-memory-credential-repository.js';
export * from './fakes.js';
export * from './scripted-adapter.js';

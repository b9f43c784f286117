export * from './test-database.js';
export * from './test-redis.js';
export * from './docker.js';
export * from './fixtures.js';
export * from './eventually.js';

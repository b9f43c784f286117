// Adds up the jest results every workspace package wrote (`.jest-results.json`) and prints one
// closing line, `Tests: N passed, N failed, N skipped`. With --clean it removes old results first.
import { readdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const files = [
  ...['packages', 'apps'].flatMap((group) =>
    readdirSync(join(root, group)).map((name) => join(root, group, name, '.jest-results.json')),
  ),
  join(root, 'bench', '.jest-results.json'),
];

if (process.argv.includes('--clean')) {
  for (const file of files) rmSync(file, { force: true });
  process.exit(0);
}

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of files.filter(existsSync)) {
  const result = JSON.parse(readFileSync(file, 'utf8'));
  passed += result.numPassedTests;
  failed += result.numFailedTests;
  skipped += result.numPendingTests + result.numTodoTests;
}
console.log(`\nTests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);

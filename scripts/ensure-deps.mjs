// Installs the locked dependencies with pnpm when they are missing, so `npm start` and `npm test`
// work on a machine that has only Node.js and npm.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (!existsSync(new URL('../node_modules/.modules.yaml', import.meta.url))) {
  const pnpm = hasPnpm() ? 'pnpm' : 'npx --yes pnpm@10';
  console.log(`[ensure-deps] installing dependencies with ${pnpm}`);
  execSync(`${pnpm} install --frozen-lockfile`, { stdio: 'inherit', cwd: new URL('..', import.meta.url) });
}

function hasPnpm() {
  try {
    execSync('pnpm --version', { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

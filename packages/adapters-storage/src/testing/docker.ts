import { spawnSync } from 'node:child_process';

let answer: boolean | undefined;

/**
 * Whether a Docker engine answers `GET /_ping` within a second (DOCKER_HOST, else the default
 * socket). Synchronous so test files can decide between `describe` and `describe.skip`;
 * remembered for the process.
 */
export function dockerAnswers(): boolean {
  answer ??= pingDocker();
  return answer;
}

function pingDocker(): boolean {
  const host = process.env.DOCKER_HOST ?? 'unix:///var/run/docker.sock';
  const target = host.startsWith('unix://')
    ? { socketPath: host.slice('unix://'.length) }
    : host.startsWith('tcp://')
      ? { url: `http://${host.slice('tcp://'.length)}` }
      : undefined;
  if (!target) return false;
  // A child process keeps the check synchronous without blocking on a socket in this one.
  const script = `
    const http = require('node:http');
    const t = ${JSON.stringify(target)};
    const req = t.socketPath
      ? http.get({ socketPath: t.socketPath, path: '/_ping', timeout: 1000 })
      : http.get(new URL('/_ping', t.url), { timeout: 1000 });
    req.on('response', (res) => process.exit(res.statusCode === 200 ? 0 : 1));
    req.on('timeout', () => process.exit(1));
    req.on('error', () => process.exit(1));
  `;
  const result = spawnSync(process.execPath, ['-e', script], { timeout: 3000, stdio: 'ignore' });
  return result.status === 0;
}

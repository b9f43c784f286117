import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The quick start as a user runs it: the built server, no DATABASE_URL, no REDIS_URL, no secrets.
// It must come up on embedded PostgreSQL, print a dev token, serve, and exit cleanly on SIGTERM.
const MAIN = join(__dirname, '..', 'dist', 'main.js');

describe('the built server with embedded defaults', () => {
  let dataDir: string;
  let child: ChildProcessWithoutNullStreams | undefined;

  beforeAll(async () => {
    if (!existsSync(MAIN))
      throw new Error(`${MAIN} is missing: run the build first (turbo runs it before these tests)`);
    dataDir = await mkdtemp(join(tmpdir(), 'integration-api-e2e-'));
    await chmod(dataDir, 0o755); // PostgreSQL runs as its own user when we are root
  });
  afterAll(async () => {
    child?.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  });

  it('starts, serves health and the admin API with the printed dev token, and stops on SIGTERM', async () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: '0',
      INTEGRATION_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
    };
    for (const name of [
      'DATABASE_URL',
      'REDIS_URL',
      'INTEGRATION_CRYPTO_KEY',
      'INTEGRATION_JWT_SECRET',
      'NODE_ENV',
    ]) {
      delete env[name];
    }
    const proc = spawn(process.execPath, [MAIN], { env });
    child = proc;
    let stdout = '';
    let stderr = '';
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    const banner = await new Promise<RegExpMatchArray>((resolve, reject) => {
      proc.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk;
        const match = /ready on port (\d+)[\s\S]*?\n\s+(ey[\w-]+\.[\w-]+\.[\w-]+)/.exec(stdout);
        if (match) resolve(match);
      });
      proc.once('exit', (code) => reject(new Error(`exited with ${code}\n${stdout}\n${stderr}`)));
    });
    const [, port, token] = banner;
    const base = `http://127.0.0.1:${port}`;

    expect((await fetch(`${base}/healthz/`)).status).toBe(200);
    const readiness = await fetch(`${base}/readiness/`);
    expect(readiness.status).toBe(200);
    const created = await fetch(`${base}/v1/credentials`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        provider: 'anthropic',
        name: 'quick-start',
        secret: 'sk-ant-quick-start-000000',
        verify: false, // no provider to ask on this machine
      }),
    });
    expect(created.status).toBe(201);
    expect(stdout + stderr).toContain('DEV MODE');
    expect(stdout + stderr).not.toContain('sk-ant-quick-start-000000');

    const exit = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
    proc.kill('SIGTERM');
    expect(await exit).toBe(0);
    child = undefined;
  });
});

import { Writable } from 'node:stream';
import Fastify from 'fastify';
import { pino } from 'pino';
import { lazyRequestLogger } from './lazy-request-logger.js';

function capturingLogger(level: string) {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
      done();
    },
  });
  const logger = pino({ level, redact: { paths: ['secret', '*.secret'], censor: '[redacted]' } }, stream);
  return { lines, logger };
}

async function appWith(level: string) {
  const { lines, logger } = capturingLogger(level);
  const child = jest.spyOn(logger, 'child');
  const app = Fastify({ loggerInstance: logger, childLoggerFactory: lazyRequestLogger });
  app.get('/quiet', async () => ({ ok: true }));
  app.get('/warns', async (request) => {
    request.log.warn({ secret: 'canary-lazy-1', detail: 'x' }, 'something to see');
    return { ok: true };
  });
  app.get('/route-level', { logLevel: 'error' }, async () => ({ ok: true }));
  await app.ready();
  // Building the app makes loggers of its own (a route with a log level gets one); count from here.
  child.mockClear();
  return { app, lines, child };
}

describe('lazyRequestLogger', () => {
  it('creates no child logger for a request that logs nothing at the enabled levels', async () => {
    const { app, lines, child } = await appWith('warn');
    const response = await app.inject({ url: '/quiet' });
    expect(response.statusCode).toBe(200);
    expect(child).not.toHaveBeenCalled();
    expect(lines).toEqual([]);
    await app.close();
  });

  it('creates the child on the first enabled line: bound to the request id, redacted', async () => {
    const { app, lines, child } = await appWith('warn');
    await app.inject({ url: '/warns' });
    expect(child).toHaveBeenCalledTimes(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 40, msg: 'something to see', detail: 'x', secret: '[redacted]' });
    expect(typeof lines[0]!.reqId).toBe('string');
    expect(JSON.stringify(lines)).not.toContain('canary-lazy-1');
    await app.close();
  });

  it('logs Fastify’s own request lines at info, each with the request id', async () => {
    const { app, lines } = await appWith('info');
    await app.inject({ url: '/quiet' });
    expect(lines.map((line) => line.msg)).toEqual(['incoming request', 'request completed']);
    expect(lines[0]!.reqId).toBeDefined();
    expect(lines[1]!.reqId).toBe(lines[0]!.reqId);
    await app.close();
  });

  it('gives a route with its own log level a real child at that level', async () => {
    const { app, lines, child } = await appWith('info');
    await app.inject({ url: '/route-level' });
    expect(child).toHaveBeenCalledWith(expect.anything(), expect.objectContaining({ level: 'error' }));
    expect(lines).toEqual([]);
    await app.close();
  });

  it('answers level questions like its parent, and its children are real loggers', () => {
    const { lines, logger } = capturingLogger('warn');
    const lazy = lazyRequestLogger(logger, { reqId: 'r-1' }, {});
    expect(lazy.level).toBe('warn');
    lazy.child({ part: 'x' }).error('from a grandchild');
    expect(lines[0]).toMatchObject({ reqId: 'r-1', part: 'x', msg: 'from a grandchild' });
  });
});

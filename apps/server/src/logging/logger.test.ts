import { Writable } from 'node:stream';
import { createLogger } from './logger.js';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, stream };
}

describe('createLogger', () => {
  it('redacts secret fields at any depth and authorization headers', () => {
    const { lines, stream } = capture();
    const logger = createLogger('info', stream);
    logger.info(
      { secret: 'canary-1', body: { apiKey: 'canary-2', nested: { secretAccessKey: 'canary-3' } } },
      'x',
    );
    logger.info({ req: { headers: { authorization: 'Bearer canary-4' } } }, 'y');
    const output = lines.join('');
    for (const canary of ['canary-1', 'canary-2', 'canary-3', 'canary-4'])
      expect(output).not.toContain(canary);
    expect(output).toContain('[redacted]');
  });
});

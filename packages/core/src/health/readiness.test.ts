import { checkReadiness } from './readiness.js';

describe('checkReadiness', () => {
  it('is ready when every dependency answers', async () => {
    const result = await checkReadiness([{ name: 'database', ping: async () => undefined }], 100);
    expect(result).toEqual({ ready: true, dependencies: [{ name: 'database', ok: true }] });
  });

  it('names the dependency that failed or did not answer in time', async () => {
    let aborted = false;
    const result = await checkReadiness(
      [
        { name: 'database', ping: async () => undefined },
        {
          name: 'cache',
          ping: (signal) => new Promise(() => signal.addEventListener('abort', () => (aborted = true))),
        },
        { name: 'broken', ping: async () => Promise.reject(new Error('connection refused')) },
      ],
      20,
    );
    expect(result.ready).toBe(false);
    expect(result.dependencies).toEqual([
      { name: 'database', ok: true },
      { name: 'cache', ok: false, error: 'no answer within 20 ms' },
      { name: 'broken', ok: false, error: 'connection refused' },
    ]);
    expect(aborted).toBe(true);
  });
});

import type { Readiness } from '@integration-api/core';
import { testApp } from '../testing/test-app.js';

describe('health routes', () => {
  it.each(['/healthz', '/healthz/'])('answers liveness at %s without a token', async (url) => {
    const readiness = jest.fn(async (): Promise<Readiness> => ({ ready: true, dependencies: [] }));
    const { app } = await testApp({ readiness });

    const res = await app.inject({ method: 'GET', url });

    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
    expect(readiness).not.toHaveBeenCalled(); // liveness does no I/O
    await app.close();
  });

  it.each(['/readiness', '/readiness/'])(
    'answers 200 ready at %s when every dependency answers',
    async (url) => {
      const { app } = await testApp();

      const res = await app.inject({ method: 'GET', url });

      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        status: 'ready',
        dependencies: [
          { name: 'database', ok: true },
          { name: 'cache', ok: true },
        ],
      });
      await app.close();
    },
  );

  it('answers 503 naming the dependency that failed', async () => {
    const { app } = await testApp({
      readiness: async () => ({
        ready: false,
        dependencies: [
          { name: 'database', ok: false, error: 'connect ECONNREFUSED 127.0.0.1:5432' },
          { name: 'cache', ok: true },
        ],
      }),
    });

    const res = await app.inject({ method: 'GET', url: '/readiness/' });

    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({
      status: 'unavailable',
      dependencies: [
        { name: 'database', ok: false, error: 'connect ECONNREFUSED 127.0.0.1:5432' },
        { name: 'cache', ok: true },
      ],
    });
    await app.close();
  });

  it('answers 503 with a generic entry when the readiness check itself throws', async () => {
    const { app } = await testApp({
      readiness: async () => {
        throw new Error('postgres://admin:hunter2@db/ refused');
      },
    });

    const res = await app.inject({ method: 'GET', url: '/readiness' });

    expect(res.statusCode).toBe(503);
    expect(res.json().status).toBe('unavailable');
    expect(res.body).not.toContain('hunter2');
    await app.close();
  });
});

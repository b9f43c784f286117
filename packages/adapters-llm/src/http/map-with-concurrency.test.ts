import { mapWithConcurrency } from './map-with-concurrency.js';

/** A call the test finishes by hand, to watch how many run at once. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('mapWithConcurrency', () => {
  it('keeps the input order whatever order the calls finish in', async () => {
    const calls = [deferred<string>(), deferred<string>(), deferred<string>()];
    const result = mapWithConcurrency([0, 1, 2], 3, (i) => calls[i]!.promise);
    calls[2]!.resolve('c');
    calls[0]!.resolve('a');
    calls[1]!.resolve('b');
    await expect(result).resolves.toEqual(['a', 'b', 'c']);
  });

  it('runs at most the limit at once and starts the next as one finishes', async () => {
    const calls = Array.from({ length: 5 }, () => deferred<number>());
    const started: number[] = [];
    const result = mapWithConcurrency([0, 1, 2, 3, 4], 2, (i) => {
      started.push(i);
      return calls[i]!.promise;
    });
    await tick();
    expect(started).toEqual([0, 1]);
    calls[1]!.resolve(1);
    await tick();
    expect(started).toEqual([0, 1, 2]);
    calls.forEach((call, i) => call.resolve(i));
    await expect(result).resolves.toEqual([0, 1, 2, 3, 4]);
  });

  it('rejects with the first failure and starts nothing more', async () => {
    const started: number[] = [];
    const result = mapWithConcurrency([0, 1, 2, 3], 1, async (i) => {
      started.push(i);
      if (i === 1) throw new Error('boom');
      return i;
    });
    await expect(result).rejects.toThrow('boom');
    expect(started).toEqual([0, 1]);
  });

  it('maps nothing to nothing', async () => {
    await expect(mapWithConcurrency([], 4, async () => 1)).resolves.toEqual([]);
  });
});

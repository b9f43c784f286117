import { waitUntilIdle } from './idle-wait.js';

/** A clock that advances only when the wait sleeps; RSS drops by 60 MiB at `dropAtMs`. */
function fakeService(
  collections: { at: number; reducing: boolean; heapAfterMB?: number }[],
  dropAtMs = Infinity,
) {
  let clock = 1_000;
  return {
    now: () => clock,
    sleep: async (ms: number) => {
      clock += ms;
    },
    rss: () => (clock >= dropAtMs ? 100 : 160),
    collections: () => collections.filter((c) => c.at <= clock).map((c) => ({ heapAfterMB: 40, ...c })),
  };
}

describe('waitUntilIdle', () => {
  it('reads RSS 2 s after the first major collection of the wait', async () => {
    const service = fakeService([{ at: 9_000, reducing: true, heapAfterMB: 38.5 }], 9_200);
    const idle = await waitUntilIdle({ idleSince: 1_000, ...service });
    expect(idle).toMatchObject({
      rssMiB: 100,
      seconds: 10,
      majorCollections: 1,
      reducingCollections: 1,
      liveHeapMB: 38.5,
    });
    expect(idle.series[0]).toEqual({ seconds: 0, rssMiB: 160 });
    expect(idle.series).toHaveLength(21);
  });

  it('ignores collections from before the wait began', async () => {
    const service = fakeService([
      { at: 500, reducing: false },
      { at: 4_000, reducing: false, heapAfterMB: 41 },
      { at: 6_500, reducing: true },
    ]);
    const idle = await waitUntilIdle({ idleSince: 0, from: 1_000, ...service });
    expect(idle).toMatchObject({ seconds: 6, majorCollections: 1, reducingCollections: 0, liveHeapMB: 41 });
  });

  it('gives up at the cap when no collection comes', async () => {
    const idle = await waitUntilIdle({ idleSince: 1_000, maxMs: 30_000, ...fakeService([]) });
    expect(idle).toMatchObject({ rssMiB: 160, seconds: 30, majorCollections: 0, reducingCollections: 0 });
    expect(idle.liveHeapMB).toBeUndefined();
  });
});

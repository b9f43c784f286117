import { Samples, percentile, slope, summarize, troughs } from './stats.js';

describe('summarize', () => {
  it('takes nearest-rank percentiles of unsorted samples', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i); // 100 … 1
    expect(summarize(values)).toEqual({ count: 100, mean: 50.5, p50: 50, p90: 90, p99: 99, max: 100 });
  });

  it('reads an empty phase as not a number rather than zero', () => {
    expect(summarize([]).p50).toBeNaN();
    expect(percentile([], 50)).toBeNaN();
  });

  it('keeps fractions of a millisecond', () => {
    const samples = new Samples();
    for (const value of [0.31, 0.12, 0.27]) samples.add(value);
    expect(samples.summary()).toMatchObject({ count: 3, p50: 0.27, max: 0.31 });
  });

  it('grows past its first buffer', () => {
    const samples = new Samples();
    for (let i = 1; i <= 10_000; i += 1) samples.add(i);
    expect(samples.summary()).toMatchObject({ count: 10_000, p99: 9_900, max: 10_000 });
  });
});

describe('slope', () => {
  it('is the least-squares slope', () => {
    expect(slope([0, 1, 2, 3].map((x) => ({ x, y: 2 * x + 1 })))).toBeCloseTo(2);
    expect(slope([{ x: 1, y: 1 }])).toBeNaN();
  });
});

describe('troughs', () => {
  // A saw: climbs 10 per step, drops back every 5 steps, its troughs lifted by `lift` per step.
  const saw = (lift: number) =>
    Array.from({ length: 31 }, (_, x) => ({ x, y: 100 + (x % 5) * 10 + lift * x }));

  it('takes the lowest point after each big drop, ignoring the climb before the first', () => {
    expect(troughs(saw(0), 20).map((p) => p.x)).toEqual([5, 10, 15, 20, 25, 30]);
    expect(slope(troughs(saw(0), 20))).toBeCloseTo(0);
  });

  it('sees troughs that rise, though each tooth climbs more', () => {
    expect(slope(troughs(saw(1), 20))).toBeCloseTo(1);
  });

  it('counts a collection handing memory back over several samples once', () => {
    const ys = [100, 150, 200, 170, 140, 110, 150, 200, 160, 120];
    const points = ys.map((y, x) => ({ x, y }));
    expect(troughs(points, 20).map((p) => p.y)).toEqual([110, 120]);
  });

  it('finds none in a series that never drops', () => {
    expect(
      troughs(
        [1, 2, 3].map((x) => ({ x, y: x })),
        1,
      ),
    ).toEqual([]);
  });
});

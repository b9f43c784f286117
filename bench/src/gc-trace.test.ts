import { isGcTraceLine, parseMajorCollection } from './gc-trace.js';

describe('parseMajorCollection', () => {
  it('reads the live heap after a mark-compact', () => {
    const line =
      '[23980:0x36427e10]    11835 ms: Mark-Compact 122.2 (156.4) -> 42.5 (117.2) MB, 9.38 / 0.12 ms  (+ 23.1 ms in 12 steps since start of marking, biggest step 4.2 ms, walltime since start of marking 120 ms) (average mu = 0.998, current mu = 0.990) finalize incremental marking via task; GC in old space requested';
    expect(parseMajorCollection(line)).toEqual({
      atMs: 11835,
      heapAfterMB: 42.5,
      pauseMs: 9.38,
      reducing: false,
    });
    expect(
      parseMajorCollection(
        '[1:0xab]    20 ms: Mark-Compact (reduce) 50.0 (60.0) -> 40.1 (58.0) MB, 3.00 / 0.00 ms',
      ),
    ).toMatchObject({ heapAfterMB: 40.1, reducing: true });
  });

  it('ignores scavenges and other output', () => {
    const scavenge =
      '[21016:0x16952c60]    23792 ms: Scavenge 76.0 (120.4) -> 64.7 (120.4) MB, 3.09 / 0.39 ms';
    expect(parseMajorCollection(scavenge)).toBeUndefined();
    expect(isGcTraceLine(scavenge)).toBe(true);
    expect(isGcTraceLine('{"level":40,"msg":"warning"}')).toBe(false);
  });
});

/** One major (mark-compact) collection as `node --trace-gc` reports it. */
export interface MajorCollection {
  /** Milliseconds since the process started. */
  readonly atMs: number;
  /** The heap in use after the collection, in MB as V8 prints it: what is really alive. */
  readonly heapAfterMB: number;
  readonly pauseMs: number;
  /**
   * A memory-reducing collection (`Mark-Compact (reduce)`): the kind V8's memory reducer starts
   * once the process has stopped allocating.
   */
  readonly reducing: boolean;
}

// [pid:0x…]    11835 ms: Mark-Compact 122.2 (156.4) -> 42.5 (117.2) MB, 9.38 / 0.12 ms  (…)
const MARK_COMPACT =
  /^\[\d+:0x[0-9a-f]+\]\s+(\d+) ms: Mark-Compact( \(reduce\))? [\d.]+ \([\d.]+\) -> ([\d.]+) \([\d.]+\) MB, ([\d.]+)/;

/** Reads a `--trace-gc` line; undefined for anything but a major collection. */
export function parseMajorCollection(line: string): MajorCollection | undefined {
  const match = MARK_COMPACT.exec(line);
  if (!match) return undefined;
  return {
    atMs: Number(match[1]),
    heapAfterMB: Number(match[3]),
    pauseMs: Number(match[4]),
    reducing: match[2] !== undefined,
  };
}

/** Whether a line of the service's output is `--trace-gc`'s (kept out of the console). */
export function isGcTraceLine(line: string): boolean {
  return /^\[\d+:0x[0-9a-f]+\]\s+\d+ ms: /.test(line);
}

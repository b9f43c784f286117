/** Latency figures of one phase, in milliseconds. */
export interface LatencySummary {
  readonly count: number;
  readonly mean: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
}

/** Collects float samples (milliseconds) without the whole-millisecond rounding of HDR histograms. */
export class Samples {
  private data = new Float64Array(4096);
  private size = 0;

  add(value: number): void {
    if (this.size === this.data.length) {
      const grown = new Float64Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.size++] = value;
  }

  get count(): number {
    return this.size;
  }

  summary(): LatencySummary {
    return summarize(this.data.subarray(0, this.size));
  }
}

/** Nearest-rank percentiles: the value below which `p` percent of the samples fall. */
export function summarize(values: ArrayLike<number>): LatencySummary {
  const sorted = Float64Array.from(values).sort();
  const count = sorted.length;
  if (count === 0) return { count: 0, mean: NaN, p50: NaN, p90: NaN, p99: NaN, max: NaN };
  let sum = 0;
  for (const value of sorted) sum += value;
  return {
    count,
    mean: sum / count,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted[count - 1]!,
  };
}

/** `sorted` ascending; p in (0, 100]. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** Least-squares slope of y over x; NaN with fewer than two distinct x. */
export function slope(points: readonly { readonly x: number; readonly y: number }[]): number {
  const n = points.length;
  if (n < 2) return NaN;
  let sx = 0;
  let sy = 0;
  for (const { x, y } of points) {
    sx += x;
    sy += y;
  }
  const mx = sx / n;
  const my = sy / n;
  let num = 0;
  let den = 0;
  for (const { x, y } of points) {
    num += (x - mx) * (y - my);
    den += (x - mx) ** 2;
  }
  return den === 0 ? NaN : num / den;
}

/**
 * The troughs of a saw-toothed series (RSS under garbage collection): the series is cut where it
 * drops by at least `minDrop` from one point to the next (a major collection handing memory
 * back), and each piece after the first cut contributes its lowest point. A leak lifts them.
 */
export function troughs<P extends { readonly x: number; readonly y: number }>(
  points: readonly P[],
  minDrop: number,
): P[] {
  const found: P[] = [];
  let current: P | undefined;
  // A collection that hands memory back over several samples is one drop, not several: a new
  // piece starts only once the series has climbed again since the last trough.
  let climbedSinceTrough = 0;
  for (let i = 1; i < points.length; i += 1) {
    const point = points[i]!;
    const dropped = points[i - 1]!.y - point.y >= minDrop;
    if (dropped && (!current || climbedSinceTrough >= minDrop)) {
      if (current) found.push(current);
      current = point;
      climbedSinceTrough = 0;
    } else if (current && point.y < current.y) {
      current = point;
      climbedSinceTrough = 0;
    } else if (current) {
      climbedSinceTrough = Math.max(climbedSinceTrough, point.y - current.y);
    }
  }
  if (current) found.push(current);
  return found;
}

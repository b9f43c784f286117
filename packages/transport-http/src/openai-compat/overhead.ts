/** The service's own share of a response's time, in milliseconds. */
export const OVERHEAD_HEADER = 'x-integration-overhead-ms';

/**
 * Total time in the service minus the time core measured for the upstream call (which includes
 * opening the credential), to a tenth of a millisecond. Never negative: the two clocks differ.
 */
export function overheadMs(totalMs: number, upstreamMs: number): string {
  return String(Math.round(Math.max(0, totalMs - upstreamMs) * 10) / 10);
}

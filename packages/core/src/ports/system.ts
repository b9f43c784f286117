export interface Clock {
  now(): Date;
  /** A monotonic reading in milliseconds (fractional), for measuring durations. */
  monotonicMs(): number;
}

export interface IdGenerator {
  /** A new unique id whose string order follows creation time (UUIDv7). */
  newId(): string;
}

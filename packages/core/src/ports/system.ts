export interface Clock {
  now(): Date;
}

export interface IdGenerator {
  /** A new unique id whose string order follows creation time (UUIDv7). */
  newId(): string;
}

/** A dependency whose reachability decides readiness (database, cache). */
export interface HealthCheck {
  readonly name: string;
  /** Resolves when the dependency answers; rejects otherwise. */
  ping(signal: AbortSignal): Promise<void>;
}

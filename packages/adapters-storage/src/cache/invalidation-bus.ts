/** What a replica does with invalidations published by any replica (itself included). */
export interface InvalidationListener {
  invalidate(id: string): void;
  /** The subscription was down, so messages may have been missed: drop everything. */
  resync(): void;
}

/** Tells every replica that a credential changed. Implementations never throw. */
export interface InvalidationBus {
  publish(id: string): Promise<void>;
  /** Resolves once the subscription is active (it may take until Redis is reachable). */
  subscribe(listener: InvalidationListener): Promise<void>;
  /** Stops delivering to the listener. */
  close(): Promise<void>;
}

/**
 * Decides whether the service may call a user-supplied upstream URL (a credential's `baseUrl`).
 * Refuses private and loopback addresses unless the operator allowed them.
 * Throws InvalidArgumentError naming `field` when the URL is refused.
 */
export interface UpstreamGuard {
  check(url: string, field: string): Promise<void>;
}

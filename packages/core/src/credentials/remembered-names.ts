import { BoundedMap } from '../objects/bounded-map.js';
import type { Tenant } from '../tenancy/principal.js';

/**
 * Which credential id a tenant's credential name led to, remembered in-process so a caller naming
 * its credential (the OpenAI-compatible `model`) costs no listing per request. A hint only: the
 * caller checks the credential still has that name before trusting it. Bounded: the oldest entry
 * goes when it is full.
 */
export class RememberedNames {
  private readonly ids: BoundedMap<string, string>;

  constructor(maxEntries = 10_000) {
    this.ids = new BoundedMap(maxEntries);
  }

  get(tenant: Tenant, name: string): string | undefined {
    return this.ids.get(keyOf(tenant, name));
  }

  remember(tenant: Tenant, name: string, id: string): void {
    this.ids.set(keyOf(tenant, name), id);
  }

  forget(tenant: Tenant, name: string): void {
    this.ids.delete(keyOf(tenant, name));
  }

  get size(): number {
    return this.ids.size;
  }
}

// Tenant ids come from token claims and may hold any character: JSON keeps the parts apart.
function keyOf(tenant: Tenant, name: string): string {
  return JSON.stringify([tenant.organizationId, tenant.projectId, name]);
}

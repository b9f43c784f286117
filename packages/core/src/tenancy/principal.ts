import { PermissionDeniedError } from '../errors/domain-error.js';

export const SCOPES = ['credentials:read', 'credentials:write', 'inference'] as const;
export type Scope = (typeof SCOPES)[number];

/** The organization and project that own credentials. Everything a tenant stores is scoped to it. */
export interface Tenant {
  readonly organizationId: string;
  readonly projectId: string;
}

/** An authenticated caller: a tenant plus what it may do. */
export interface Principal extends Tenant {
  readonly subject: string;
  readonly scopes: ReadonlySet<Scope>;
}

export function requireScope(principal: Principal, scope: Scope): void {
  if (!principal.scopes.has(scope)) throw new PermissionDeniedError(scope);
}

export function isScope(value: string): value is Scope {
  return (SCOPES as readonly string[]).includes(value);
}

export function sameTenant(a: Tenant, b: Tenant): boolean {
  return a.organizationId === b.organizationId && a.projectId === b.projectId;
}

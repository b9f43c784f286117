import type { Credential } from '@integration-api/core';

/** A credential record as JSON text (dates as ISO strings). It holds the sealed secret only. */
export function serializeCredential(credential: Credential): string {
  return JSON.stringify(credential);
}

/** Parses what `serializeCredential` wrote, reviving dates; undefined for anything else. */
export function parseCredential(text: string): Credential | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(value) || typeof value.id !== 'string' || typeof value.version !== 'number') return undefined;
  const createdAt = toDate(value.createdAt);
  const updatedAt = toDate(value.updatedAt);
  const lastVerifiedAt = value.lastVerifiedAt === null ? null : toDate(value.lastVerifiedAt);
  if (!createdAt || !updatedAt || lastVerifiedAt === undefined) return undefined;
  return { ...(value as unknown as Credential), createdAt, updatedAt, lastVerifiedAt };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toDate(value: unknown): Date | undefined {
  if (typeof value !== 'string') return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

import { InvalidArgumentError } from '@integration-api/core';

/**
 * Parses a request field that carries a JSON object as text (tool parameters, JSON schemas,
 * provider options). The error names the field and leaves the text out: it is the caller's data.
 */
export function parseJsonObject(text: string, field: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new InvalidArgumentError(field, 'must be the JSON text of an object');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new InvalidArgumentError(field, 'must be the JSON text of an object');
  }
  return value as Record<string, unknown>;
}

/** The object of an optional JSON field: empty text means none. */
export function optionalJsonObject(text: string, field: string): Record<string, unknown> | undefined {
  return text === '' ? undefined : parseJsonObject(text, field);
}

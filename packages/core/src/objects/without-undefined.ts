/**
 * The object without its undefined properties, so that optional fields are absent rather than
 * present and undefined (what exactOptionalPropertyTypes and JSON bodies want). A plain loop: it
 * runs for every message of every request.
 */
export function withoutUndefined<T extends object>(value: T): T {
  const result: Record<string, unknown> = {};
  for (const key in value) {
    const field = value[key];
    if (field !== undefined) result[key] = field;
  }
  return result as T;
}

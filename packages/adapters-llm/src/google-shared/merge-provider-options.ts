/**
 * Merges a caller's `providerOptions` into a request body we built, the caller winning: plain
 * objects merge key by key (so `{generationConfig:{topK:40}}` adds to our generation config
 * rather than replacing it), any other value replaces ours, and `null` removes our key.
 */
export function mergeProviderOptions<T extends Record<string, unknown>>(
  body: T,
  options: Readonly<Record<string, unknown>> | undefined,
): T {
  if (!options) return body;
  return mergeObjects(body, options) as T;
}

function mergeObjects(base: Readonly<Record<string, unknown>>, update: Readonly<Record<string, unknown>>) {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(update)) {
    // Own data properties only: a `__proto__` key in caller JSON must not reach the prototype.
    if (key === '__proto__') continue;
    const current = merged[key];
    if (value === null) delete merged[key];
    else if (isPlainObject(value) && isPlainObject(current)) merged[key] = mergeObjects(current, value);
    else merged[key] = value;
  }
  return merged;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

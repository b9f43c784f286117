import type { FastifySchemaValidationError } from 'fastify';

export interface ValidationProblem {
  /** The request field at fault as a dotted path (`name`, `config.baseUrl`, `id`); `''` for the whole part. */
  readonly field: string;
  /** What is wrong, without the value itself. */
  readonly message: string;
}

/**
 * Turns the AJV errors of one request part into the one field to name. AJV stops at the first
 * failure (allErrors is off), except inside `anyOf`, where it reports every branch before the
 * `anyOf` error itself; for those the most useful message is picked.
 */
export function describeValidationErrors(errors: readonly FastifySchemaValidationError[]): ValidationProblem {
  const union = errors.find((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
  if (union) return describeUnion(union, errors);
  const first = errors[0];
  if (!first) return { field: '', message: 'is invalid' };
  return describeOne(first);
}

function describeOne(error: FastifySchemaValidationError): ValidationProblem {
  const base = pointerToPath(error.instancePath);
  const params = error.params;
  if (error.keyword === 'required' && typeof params.missingProperty === 'string') {
    return { field: join(base, params.missingProperty), message: 'is required' };
  }
  if (error.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') {
    return { field: join(base, params.additionalProperty), message: 'is not a known field' };
  }
  return { field: base, message: error.message ?? 'is invalid' };
}

/**
 * A value that took the shape of one branch but failed inside it is best explained by that
 * inner error (`secret.apiKey must be string`); otherwise list the types the union accepts.
 */
function describeUnion(
  union: FastifySchemaValidationError,
  errors: readonly FastifySchemaValidationError[],
): ValidationProblem {
  const deeper = errors.find(
    (e) => e !== union && e.instancePath.startsWith(`${union.instancePath}/`) && e.keyword !== union.keyword,
  );
  if (deeper) return describeOne(deeper);
  const types = errors
    .filter((e) => e.keyword === 'type' && e.instancePath === union.instancePath)
    .map((e) => String(e.params.type));
  const field = pointerToPath(union.instancePath);
  return types.length > 0
    ? { field, message: `must be ${[...new Set(types)].join(' or ')}` }
    : { field, message: 'does not match any allowed shape' };
}

/** `/config/base~1Url` → `config.base/Url` (JSON pointer unescaping). */
export function pointerToPath(pointer: string): string {
  if (pointer === '') return '';
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'))
    .join('.');
}

function join(base: string, property: string): string {
  return base ? `${base}.${property}` : property;
}

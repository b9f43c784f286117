import { InvalidArgumentError } from '@integration-api/core';
import type { GoogleSchema } from './google-api.js';

/**
 * Google takes "a select subset of an OpenAPI 3.0 schema object" for function parameters and
 * `responseSchema` (Gemini API and Vertex AI alike). These keys pass through; every other JSON
 * Schema keyword (`$schema`, `$id`, `additionalProperties`, `exclusiveMinimum`, `multipleOf`,
 * `uniqueItems`, `patternProperties`, `if/then/else`…) is dropped, because Google answers 400
 * "Invalid JSON payload … Cannot find field" for a key it does not know.
 */
const PASSED_THROUGH = [
  'title',
  'description',
  'default',
  'example',
  'pattern',
  'minimum',
  'maximum',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'minProperties',
  'maxProperties',
  'propertyOrdering',
] as const;

/** Gemini API accepts only these `format`s per type; others are dropped (they are hints anyway). */
const FORMATS: Readonly<Record<string, readonly string[]>> = {
  string: ['enum', 'date-time'],
  integer: ['int32', 'int64'],
  number: ['float', 'double'],
};

const MAX_DEPTH = 64;

type JsonSchema = Readonly<Record<string, unknown>>;

/**
 * Converts a JSON schema into Google's OpenAPI subset:
 * - `type: [T, "null"]` and `anyOf` with a `{type:"null"}` branch become `nullable: true`;
 *   several non-null types become `anyOf`;
 * - `const` becomes a one-value `enum`; enum values become strings (Google's enums are strings),
 *   a `null` member becomes `nullable`; `oneOf` becomes `anyOf` (the closest Google has);
 * - local `$ref`s (`#/$defs/…`, `#/definitions/…`) are inlined, since the Gemini API has no refs;
 *   a recursive schema cannot be inlined and is refused with InvalidArgumentError naming `field`;
 * - `allOf` is merged into one schema (properties and required lists are joined);
 * - `required` keeps only names that are properties; an object without properties loses its
 *   empty `properties` map (Google refuses an empty one).
 * Returns undefined for a schema that says nothing (an object without properties), so callers can
 * leave `parameters` out, as Google asks for functions without parameters.
 */
export function convertJsonSchemaToGoogleSchema(schema: unknown, field: string): GoogleSchema | undefined {
  if (!isObject(schema)) return undefined;
  const converted = new SchemaConverter(schema, field).convert(schema, [], 0);
  const properties = converted.properties;
  if (converted.type === 'object' && (!isObject(properties) || Object.keys(properties).length === 0)) {
    return undefined;
  }
  return converted;
}

class SchemaConverter {
  constructor(
    private readonly root: JsonSchema,
    private readonly field: string,
  ) {}

  convert(input: unknown, refStack: readonly string[], depth: number): Record<string, unknown> {
    if (depth > MAX_DEPTH) throw new InvalidArgumentError(this.field, 'is nested too deeply');
    if (input === true || input === undefined) return {};
    if (!isObject(input)) return {};
    const schema = this.withoutRef(input, refStack);
    const stack = typeof input.$ref === 'string' ? [...refStack, input.$ref] : refStack;
    const source = Array.isArray(schema.allOf)
      ? mergeAllOf(schema, (part) => (isObject(part) ? this.withoutRef(part, stack) : part))
      : schema;
    const next = (value: unknown) => this.convert(value, stack, depth + 1);

    const out: Record<string, unknown> = {};
    for (const key of PASSED_THROUGH) {
      if (source[key] !== undefined) out[key] = source[key];
    }

    const { type, nullable } = splitType(source.type);
    if (nullable || source.nullable === true) out.nullable = true;
    if (Array.isArray(type)) {
      // Several types: one branch each.
      out.anyOf = type.map((t) => next({ ...source, type: t, nullable: undefined }));
      return out;
    }
    if (type !== undefined) out.type = type;

    const enumValues =
      source.const !== undefined ? [source.const] : Array.isArray(source.enum) ? source.enum : undefined;
    if (enumValues) {
      if (enumValues.includes(null)) out.nullable = true;
      out.enum = enumValues
        .filter((v) => v !== null)
        .map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
      if (type === undefined) out.type = 'string';
      else if (type !== 'string') out.format = 'enum';
    }
    if (typeof source.format === 'string' && out.format === undefined) {
      if (type !== undefined && FORMATS[type]?.includes(source.format)) out.format = source.format;
    }

    if (isObject(source.properties)) {
      const properties: Record<string, unknown> = {};
      for (const [name, value] of Object.entries(source.properties)) properties[name] = next(value);
      if (Object.keys(properties).length > 0) out.properties = properties;
      if (Array.isArray(source.required)) {
        const required = source.required.filter((n): n is string => typeof n === 'string' && n in properties);
        if (required.length > 0) out.required = required;
      }
    }
    if (source.items !== undefined) {
      // A tuple (`items: [...]`) has no OpenAPI 3.0 form: keep the first item's schema.
      out.items = next(Array.isArray(source.items) ? source.items[0] : source.items);
    }

    const branches = Array.isArray(source.anyOf)
      ? source.anyOf
      : Array.isArray(source.oneOf)
        ? source.oneOf
        : undefined;
    if (branches) {
      const nonNull = branches.filter((b) => !(isObject(b) && b.type === 'null'));
      if (nonNull.length < branches.length) out.nullable = true;
      if (nonNull.length === 1) {
        // One real branch: the schema is that branch, the outer keys (description…) winning.
        for (const [key, value] of Object.entries(next(nonNull[0]))) out[key] ??= value;
      } else if (nonNull.length > 1) out.anyOf = nonNull.map(next);
    }
    return out;
  }

  /** Inlines a local `$ref`, keeping the referring schema's own keys (a description, say). */
  private withoutRef(schema: JsonSchema, refStack: readonly string[]): JsonSchema {
    const ref = schema.$ref;
    if (typeof ref !== 'string') return schema;
    if (refStack.includes(ref)) {
      throw new InvalidArgumentError(
        this.field,
        `is recursive through ${ref}, which Google's schema subset cannot express`,
      );
    }
    const target = this.resolve(ref);
    const { $ref: _ref, ...rest } = schema;
    return { ...target, ...rest };
  }

  private resolve(ref: string): JsonSchema {
    const match = /^#\/(\$defs|definitions)\/(.+)$/.exec(ref);
    const defs = match ? this.root[match[1]!] : undefined;
    const name = match ? decodePointer(match[2]!) : undefined;
    const target = isObject(defs) && name !== undefined ? defs[name] : undefined;
    if (!isObject(target)) {
      throw new InvalidArgumentError(this.field, `has the reference ${ref}, which does not point into $defs`);
    }
    return target;
  }
}

function splitType(raw: unknown): { type?: string | string[]; nullable: boolean } {
  if (typeof raw === 'string') return { type: raw, nullable: false };
  if (!Array.isArray(raw)) return { nullable: false };
  const types = raw.filter((t): t is string => typeof t === 'string' && t !== 'null');
  const nullable = types.length < raw.length;
  if (types.length === 0) return { type: 'null', nullable: false };
  return { type: types.length === 1 ? types[0] : types, nullable };
}

/** `allOf` as one schema: the first value of a key wins, properties and required lists join. */
function mergeAllOf(schema: JsonSchema, resolve: (part: unknown) => unknown): JsonSchema {
  const { allOf, ...own } = schema;
  const merged: Record<string, unknown> = { ...own };
  const properties: Record<string, unknown> = isObject(own.properties) ? { ...own.properties } : {};
  const required = new Set<unknown>(Array.isArray(own.required) ? own.required : []);
  for (const raw of allOf as unknown[]) {
    const part = resolve(raw);
    if (!isObject(part)) continue;
    for (const [key, value] of Object.entries(part)) {
      if (key === 'properties' && isObject(value)) Object.assign(properties, value);
      else if (key === 'required' && Array.isArray(value)) value.forEach((n) => required.add(n));
      else if (merged[key] === undefined) merged[key] = value;
    }
  }
  if (Object.keys(properties).length > 0) merged.properties = properties;
  if (required.size > 0) merged.required = [...required];
  return merged;
}

function decodePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

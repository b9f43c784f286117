import { InvalidArgumentError } from '../errors/domain-error.js';
import type { FieldSpec } from './provider-spec.js';

const DEFAULT_MAX_LENGTH = 16_384;

/**
 * Checks a secret or config object against its field list and returns a clean copy holding only
 * the declared fields. Errors name the field (`secret.apiKey`) and never include its value.
 */
export function validateFields(
  fields: readonly FieldSpec[],
  value: unknown,
  path: string,
  { partial = false } = {},
): Record<string, string> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new InvalidArgumentError(path, 'must be an object');
  }
  const input = value as Record<string, unknown>;
  const known = new Set(fields.map((f) => f.name));
  for (const key of Object.keys(input)) {
    if (!known.has(key)) throw new InvalidArgumentError(`${path}.${key}`, 'is not a known field');
  }
  const clean: Record<string, string> = {};
  for (const field of fields) {
    const raw = input[field.name];
    const where = `${path}.${field.name}`;
    if (raw === undefined || raw === null || raw === '') {
      if (field.required && !partial) throw new InvalidArgumentError(where, 'is required');
      continue;
    }
    if (typeof raw !== 'string') throw new InvalidArgumentError(where, 'must be a string');
    // Downloaded key files end with a newline; JSON does not care about surrounding white space.
    const text = field.format === 'json' ? raw.trim() : raw;
    if (text.length > (field.maxLength ?? DEFAULT_MAX_LENGTH)) {
      throw new InvalidArgumentError(
        where,
        `must be at most ${field.maxLength ?? DEFAULT_MAX_LENGTH} characters`,
      );
    }
    if (text.trim() !== text) throw new InvalidArgumentError(where, 'must not start or end with white space');
    if (field.enum && !field.enum.includes(text)) {
      throw new InvalidArgumentError(where, `must be one of ${field.enum.join(', ')}`);
    }
    if (field.format === 'url') checkUrl(text, where);
    if (field.format === 'json') checkJsonObject(text, where);
    clean[field.name] = text;
  }
  return clean;
}

function checkUrl(raw: string, where: string): void {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new InvalidArgumentError(where, 'must be an absolute URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InvalidArgumentError(where, 'must use http or https');
  }
  if (url.username || url.password) throw new InvalidArgumentError(where, 'must not contain user info');
}

function checkJsonObject(raw: string, where: string): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new InvalidArgumentError(where, 'must be a JSON object');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new InvalidArgumentError(where, 'must be a JSON object');
  }
}

/** JSON schema for a field list, for UIs that draw the credential form. */
export function fieldsToJsonSchema(fields: readonly FieldSpec[]): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const field of fields) {
    properties[field.name] = {
      type: 'string',
      description: field.description,
      ...(field.format === 'url' ? { format: 'uri' } : {}),
      ...(field.format === 'json' ? { contentMediaType: 'application/json' } : {}),
      ...(field.enum ? { enum: [...field.enum] } : {}),
      maxLength: field.maxLength ?? DEFAULT_MAX_LENGTH,
    };
  }
  return {
    type: 'object',
    additionalProperties: false,
    properties,
    required: fields.filter((f) => f.required).map((f) => f.name),
  };
}

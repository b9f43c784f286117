import { fieldsToJsonSchema, validateFields } from './fields.js';
import type { FieldSpec } from './provider-spec.js';

const fields: FieldSpec[] = [
  { name: 'apiKey', description: 'key', required: true },
  { name: 'region', description: 'region', required: false, enum: ['us', 'eu'] },
  { name: 'sa', description: 'json', required: false, format: 'json' },
];

describe('validateFields', () => {
  it('keeps only declared, non-empty fields', () => {
    expect(validateFields(fields, { apiKey: 'k', region: '' }, 'secret')).toEqual({ apiKey: 'k' });
  });

  it.each([
    [null, 'secret'],
    [{}, 'secret.apiKey'],
    [{ apiKey: 1 }, 'secret.apiKey'],
    [{ apiKey: 'k', region: 'mars' }, 'secret.region'],
    [{ apiKey: 'k', sa: '[1]' }, 'secret.sa'],
    [{ apiKey: 'k', other: 'x' }, 'secret.other'],
  ])('rejects %j naming %s', (value, field) => {
    expect(() => validateFields(fields, value, 'secret')).toThrow(
      expect.objectContaining({ details: { field } }),
    );
  });

  it('describes the fields as a JSON schema for forms', () => {
    expect(fieldsToJsonSchema(fields)).toMatchObject({
      type: 'object',
      additionalProperties: false,
      required: ['apiKey'],
      properties: { region: { enum: ['us', 'eu'] } },
    });
  });
});

describe('validateFields with JSON fields', () => {
  it('accepts a key file with its trailing newline and stores it trimmed', () => {
    expect(validateFields(fields, { apiKey: 'k', sa: '{"a":1}\n' }, 'secret')).toEqual({
      apiKey: 'k',
      sa: '{"a":1}',
    });
  });
});

import { InvalidArgumentError } from '@integration-api/core';
import { convertJsonSchemaToGoogleSchema } from './convert-json-schema-to-google-schema.js';

const convert = (schema: unknown) => convertJsonSchemaToGoogleSchema(schema, 'tools[0].parameters');

describe('convertJsonSchemaToGoogleSchema', () => {
  it('drops the JSON Schema keywords Google refuses and keeps the subset it takes', () => {
    expect(
      convert({
        $schema: 'http://json-schema.org/draft-07/schema#',
        type: 'object',
        additionalProperties: false,
        properties: {
          location: { type: 'string', description: 'City', minLength: 1, format: 'uri' },
          days: { type: 'integer', minimum: 1, maximum: 7, exclusiveMaximum: 8, multipleOf: 1 },
          tags: { type: 'array', items: { type: 'string' }, uniqueItems: true, maxItems: 3 },
        },
        required: ['location'],
      }),
    ).toEqual({
      type: 'object',
      properties: {
        location: { type: 'string', description: 'City', minLength: 1 },
        days: { type: 'integer', minimum: 1, maximum: 7 },
        tags: { type: 'array', items: { type: 'string' }, maxItems: 3 },
      },
      required: ['location'],
    });
  });

  it('says nothing for a function without parameters, which Google wants left out', () => {
    expect(convert({ type: 'object', properties: {} })).toBeUndefined();
    expect(convert({ type: 'object', additionalProperties: false })).toBeUndefined();
  });

  it('leaves out the empty properties map of a nested object', () => {
    expect(convert({ type: 'object', properties: { meta: { type: 'object', properties: {} } } })).toEqual({
      type: 'object',
      properties: { meta: { type: 'object' } },
    });
  });

  it('turns a null member of a type list or anyOf into nullable', () => {
    expect(
      convert({
        type: 'object',
        properties: {
          a: { type: ['string', 'null'] },
          b: { anyOf: [{ type: 'number' }, { type: 'null' }], description: 'kept' },
          c: { anyOf: [{ type: 'string' }, { type: 'integer' }, { type: 'null' }] },
        },
      }),
    ).toEqual({
      type: 'object',
      properties: {
        a: { type: 'string', nullable: true },
        b: { type: 'number', nullable: true, description: 'kept' },
        c: { nullable: true, anyOf: [{ type: 'string' }, { type: 'integer' }] },
      },
    });
  });

  it('splits several types into anyOf branches', () => {
    expect(convert({ type: 'object', properties: { v: { type: ['string', 'number'] } } })).toEqual({
      type: 'object',
      properties: { v: { anyOf: [{ type: 'string' }, { type: 'number' }] } },
    });
  });

  it('writes const and non-string enums as Google’s string enums', () => {
    expect(
      convert({
        type: 'object',
        properties: {
          kind: { const: 'fixed' },
          size: { type: 'integer', enum: [1, 2, 3] },
          unit: { type: 'string', enum: ['c', 'f', null] },
        },
      }),
    ).toEqual({
      type: 'object',
      properties: {
        kind: { type: 'string', enum: ['fixed'] },
        size: { type: 'integer', format: 'enum', enum: ['1', '2', '3'] },
        unit: { type: 'string', enum: ['c', 'f'], nullable: true },
      },
    });
  });

  it('inlines local references, keeping the referring description', () => {
    expect(
      convert({
        type: 'object',
        properties: {
          home: { $ref: '#/$defs/address', description: 'Home' },
          work: { $ref: '#/definitions/address' },
        },
        $defs: { address: { type: 'object', properties: { city: { type: 'string' } } } },
        definitions: { address: { type: 'object', properties: { zip: { type: 'string' } } } },
      }),
    ).toEqual({
      type: 'object',
      properties: {
        home: { type: 'object', description: 'Home', properties: { city: { type: 'string' } } },
        work: { type: 'object', properties: { zip: { type: 'string' } } },
      },
    });
  });

  it('refuses a recursive schema, naming the field', () => {
    const recursive = {
      type: 'object',
      properties: { root: { $ref: '#/$defs/node' } },
      $defs: {
        node: {
          type: 'object',
          properties: { children: { type: 'array', items: { $ref: '#/$defs/node' } } },
        },
      },
    };
    expect(() => convert(recursive)).toThrow(InvalidArgumentError);
    expect(() => convert(recursive)).toThrow(/^tools\[0\]\.parameters: is recursive through #\/\$defs\/node/);
  });

  it('refuses a reference that points nowhere', () => {
    expect(() =>
      convert({ type: 'object', properties: { a: { $ref: 'https://example.com/s.json' } } }),
    ).toThrow(/does not point into \$defs/);
  });

  it('merges allOf parts into one schema', () => {
    expect(
      convert({
        allOf: [
          { type: 'object', properties: { a: { type: 'string' } }, required: ['a'] },
          { $ref: '#/$defs/b' },
        ],
        $defs: { b: { properties: { b: { type: 'number' } }, required: ['b'] } },
      }),
    ).toEqual({
      type: 'object',
      properties: { a: { type: 'string' }, b: { type: 'number' } },
      required: ['a', 'b'],
    });
  });

  it('reads oneOf as anyOf and keeps only required names that are properties', () => {
    expect(
      convert({
        type: 'object',
        properties: { v: { oneOf: [{ type: 'string' }, { type: 'boolean' }] } },
        required: ['v', 'ghost'],
      }),
    ).toEqual({
      type: 'object',
      properties: { v: { anyOf: [{ type: 'string' }, { type: 'boolean' }] } },
      required: ['v'],
    });
  });

  it('keeps date-time and numeric formats Google knows', () => {
    expect(
      convert({
        type: 'object',
        properties: { at: { type: 'string', format: 'date-time' }, n: { type: 'number', format: 'double' } },
      }),
    ).toEqual({
      type: 'object',
      properties: { at: { type: 'string', format: 'date-time' }, n: { type: 'number', format: 'double' } },
    });
  });
});

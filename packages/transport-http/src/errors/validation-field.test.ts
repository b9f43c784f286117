import type { FastifySchemaValidationError } from 'fastify';
import { describeValidationErrors, pointerToPath } from './validation-field.js';

function error(
  keyword: string,
  instancePath: string,
  params: Record<string, unknown> = {},
  message = 'is wrong',
): FastifySchemaValidationError {
  return { keyword, instancePath, schemaPath: '#', params, message };
}

describe('describeValidationErrors', () => {
  it('names a missing property under its parent', () => {
    expect(describeValidationErrors([error('required', '', { missingProperty: 'name' })])).toEqual({
      field: 'name',
      message: 'is required',
    });
    expect(
      describeValidationErrors([error('required', '/config', { missingProperty: 'baseUrl' })]).field,
    ).toBe('config.baseUrl');
  });

  it('names an unknown property', () => {
    expect(
      describeValidationErrors([error('additionalProperties', '', { additionalProperty: 'owner' })]),
    ).toEqual({
      field: 'owner',
      message: 'is not a known field',
    });
  });

  it('names the value at the instance path otherwise, with the AJV message', () => {
    expect(
      describeValidationErrors([error('format', '/config/baseUrl', {}, 'must match format "uri"')]),
    ).toEqual({ field: 'config.baseUrl', message: 'must match format "uri"' });
  });

  it('lists the accepted types when a value matches no branch of a union', () => {
    const errors = [
      error('type', '/secret', { type: 'string' }),
      error('type', '/secret', { type: 'object' }),
      error('anyOf', '/secret'),
    ];
    expect(describeValidationErrors(errors)).toEqual({
      field: 'secret',
      message: 'must be string or object',
    });
  });

  it('prefers the inner error when a value took the shape of one branch', () => {
    const errors = [
      error('type', '/secret', { type: 'string' }),
      error('type', '/secret/apiKey', { type: 'string' }, 'must be string'),
      error('anyOf', '/secret'),
    ];
    expect(describeValidationErrors(errors)).toEqual({ field: 'secret.apiKey', message: 'must be string' });
  });

  it('describes the whole part when no field is at fault', () => {
    expect(describeValidationErrors([error('type', '', { type: 'object' }, 'must be object')])).toEqual({
      field: '',
      message: 'must be object',
    });
  });
});

describe('pointerToPath', () => {
  it.each([
    ['', ''],
    ['/name', 'name'],
    ['/config/baseUrl', 'config.baseUrl'],
    ['/a~1b/c~0d', 'a/b.c~d'],
  ])('turns %j into %j', (pointer, path) => {
    expect(pointerToPath(pointer)).toBe(path);
  });
});

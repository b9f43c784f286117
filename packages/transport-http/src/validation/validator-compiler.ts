import AjvCompiler from '@fastify/ajv-compiler';
import type { FastifyServerOptions } from 'fastify';

type ValidatorFactory = NonNullable<
  NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>['buildValidator']
>;

/**
 * fastify's AJV, with two changes. Bodies are checked as sent: no type coercion (fastify's default
 * would turn `"secret": 123` into `"123"`) and no silent removal of unknown properties, so
 * `additionalProperties: false` refuses them. Query strings, params and headers are text on the
 * wire, so they keep coercion (`?limit=5` becomes a number).
 */
// One pool per process: apps built with the same shared schemas reuse AJV instances and their
// compiled validators (this matters for tests, which build many apps).
const pool = AjvCompiler();

export function strictBodyValidator(): ValidatorFactory {
  return (externalSchemas) => {
    const body = pool(externalSchemas, {
      customOptions: { coerceTypes: false, removeAdditional: false, useDefaults: true, allErrors: false },
    });
    const other = pool(externalSchemas, {
      customOptions: { coerceTypes: 'array', removeAdditional: false, useDefaults: true, allErrors: false },
    });
    return (route) => (route.httpPart === 'body' ? body(route) : other(route));
  };
}

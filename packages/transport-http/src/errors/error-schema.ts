import { Type } from 'typebox';

const DESCRIPTIONS: Readonly<Record<number, string>> = {
  400: 'The request is malformed; `details.field` names the field at fault.',
  401: 'No valid bearer token.',
  403: 'The token lacks the scope this operation needs.',
  404: 'Not found (or owned by another tenant).',
  409: 'The name is taken in this project.',
  412: 'The credential changed since the version given.',
  413: 'The request body is too large.',
  422: 'The provider refused the credential, or cannot verify it.',
  429: 'The provider limits the rate; `Retry-After` says when to try again, when it said.',
  500: 'An unexpected error; the details are logged, not returned.',
  503: 'The provider or a dependency is unavailable.',
};

/**
 * The one error shape, as a shared schema (`$id: Error`): the serializer writes error bodies with
 * it and the OpenAPI document shows it once, as a component.
 */
export const ErrorResponse = Type.Object(
  {
    error: Type.Object(
      {
        code: Type.String({ description: 'A stable machine-readable code such as `not_found`.' }),
        message: Type.String({ description: 'For humans; never contains secret values.' }),
        details: Type.Object(
          {},
          {
            additionalProperties: true,
            description:
              'Machine-readable specifics, such as `field`: the dotted path of the field at fault.',
          },
        ),
      },
      { additionalProperties: false },
    ),
  },
  { $id: 'Error', additionalProperties: false, description: 'An error.' },
);

/** Error responses of a route, keyed by status, for its `schema.response`. */
export function errorResponses<const S extends readonly number[]>(...statuses: S) {
  const responses: Record<number, ReturnType<typeof errorRef>> = {};
  for (const status of statuses) responses[status] = errorRef(DESCRIPTIONS[status] ?? 'An error.');
  return responses as { [K in S[number]]: ReturnType<typeof errorRef> };
}

function errorRef(description: string) {
  return Type.Ref('Error', { description });
}

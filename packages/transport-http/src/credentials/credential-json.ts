import type { CredentialView } from '@integration-api/core';
import { Type, type Static } from 'typebox';

const IsoDate = Type.String({ format: 'date-time' });

/**
 * A credential as the API returns it. Two guards keep anything else out: `toCredentialJson` copies
 * only these fields, and the serializer writes only these properties, so even a sealed secret that
 * reached the object by mistake would not be sent.
 */
export const CredentialJson = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    provider: Type.String(),
    name: Type.String(),
    hint: Type.String({
      description: 'The last characters of the main secret (`…x7Qa`); the secret itself is never returned.',
    }),
    config: Type.Record(Type.String(), Type.String()),
    status: Type.Enum(['unverified', 'active', 'invalid']),
    lastVerifiedAt: Type.Union([IsoDate, Type.Null()]),
    lastVerificationError: Type.Union([Type.String(), Type.Null()]),
    version: Type.Integer({
      minimum: 1,
      description: 'Also sent as the `ETag` header; pass it back in `If-Match`.',
    }),
    createdAt: IsoDate,
    updatedAt: IsoDate,
  },
  { $id: 'Credential', additionalProperties: false, description: 'A stored credential, without its secret.' },
);
export type CredentialJson = Static<typeof CredentialJson>;

export function toCredentialJson(view: CredentialView): CredentialJson {
  return {
    id: view.id,
    provider: view.provider,
    name: view.name,
    hint: view.hint,
    config: { ...view.config },
    status: view.status,
    lastVerifiedAt: view.lastVerifiedAt?.toISOString() ?? null,
    lastVerificationError: view.lastVerificationError,
    version: view.version,
    createdAt: view.createdAt.toISOString(),
    updatedAt: view.updatedAt.toISOString(),
  };
}

const ETAG_HEADER = {
  type: 'string',
  description: 'The credential version as a strong entity tag, e.g. `"3"`.',
};
const LOCATION_HEADER = { type: 'string', description: 'The path of the new credential.' };

/**
 * The shared credential schema as one response, with the headers that come with it (for the
 * OpenAPI document). Register `CredentialJson` with `addSchema` where this is used.
 */
export function credentialResponse(description: string, { created = false } = {}) {
  return Type.Ref('Credential', {
    description,
    headers: created ? { etag: ETAG_HEADER, location: LOCATION_HEADER } : { etag: ETAG_HEADER },
  });
}

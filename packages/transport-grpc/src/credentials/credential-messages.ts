import {
  InvalidArgumentError,
  type CredentialStatus as DomainCredentialStatus,
  type CredentialView,
  type FieldSpec,
  type ProviderSpec,
} from '@integration-api/core';
import {
  CredentialStatus,
  FieldFormat,
  type Credential,
  type Provider,
  type ProviderField,
  type SecretInput,
} from '../generated/integration/v1/credentials.js';

/* Pure conversions between the domain's types and the integration.v1 messages. */

const STATUS: Readonly<Record<DomainCredentialStatus, CredentialStatus>> = {
  unverified: CredentialStatus.CREDENTIAL_STATUS_UNVERIFIED,
  active: CredentialStatus.CREDENTIAL_STATUS_ACTIVE,
  invalid: CredentialStatus.CREDENTIAL_STATUS_INVALID,
};

/** A credential as callers see it. CredentialView holds no secret, and neither does this. */
export function toCredentialMessage(view: CredentialView): Credential {
  return {
    id: view.id,
    provider: view.provider,
    name: view.name,
    hint: view.hint,
    config: { ...view.config },
    status: STATUS[view.status],
    lastVerifiedAt: view.lastVerifiedAt ?? undefined,
    lastVerificationError: view.lastVerificationError ?? '',
    version: view.version,
    createdAt: view.createdAt,
    updatedAt: view.updatedAt,
  };
}

/**
 * The secret as core's CreateCredentialInput.secret takes it: a bare string (the provider's hint
 * field) for `api_key`, else the object of `fields`. Absent stays absent (core reports `secret`).
 */
export function secretFromMessage(secret: SecretInput | undefined): unknown {
  if (!secret) return undefined;
  const hasFields = Object.keys(secret.fields).length > 0;
  if (secret.apiKey !== '' && hasFields) {
    throw new InvalidArgumentError('secret', 'set either api_key or fields, not both');
  }
  return secret.apiKey !== '' ? secret.apiKey : { ...secret.fields };
}

export function toProviderMessage(spec: ProviderSpec): Provider {
  return {
    id: spec.id,
    displayName: spec.displayName,
    capabilities: { ...spec.capabilities },
    secretFields: spec.secretFields.map(toFieldMessage),
    configFields: spec.configFields.map(toFieldMessage),
    hintField: spec.hintField,
  };
}

const FORMAT: Readonly<Record<NonNullable<FieldSpec['format']>, FieldFormat>> = {
  url: FieldFormat.FIELD_FORMAT_URL,
  json: FieldFormat.FIELD_FORMAT_JSON,
};

function toFieldMessage(field: FieldSpec): ProviderField {
  return {
    name: field.name,
    description: field.description,
    required: field.required,
    format: field.format ? FORMAT[field.format] : FieldFormat.FIELD_FORMAT_UNSPECIFIED,
    allowedValues: [...(field.enum ?? [])],
    ...(field.maxLength !== undefined ? { maxLength: field.maxLength } : {}),
  };
}

import {
  DomainError,
  InvalidArgumentError,
  MAX_PAGE_SIZE,
  type CredentialService,
  type Principal,
  type UsableCredential,
} from '@integration-api/core';

/** What an OpenAI `model` names: one of the tenant's credentials and the provider's model. */
export interface ModelRef {
  /** A credential name, or its id. */
  readonly credential: string;
  /** The provider's own model id, as the provider spells it; empty when only a credential was named. */
  readonly model: string;
}

/**
 * Splits `<credential>/<provider model>` at the FIRST `/`: provider models may hold `/` themselves
 * (`hf/meta-llama/Llama-3.3-70B-Instruct`), credential names never do.
 */
export function parseModelRef(value: string, { requireModel = true } = {}): ModelRef {
  const slash = value.indexOf('/');
  const credential = slash === -1 ? value : value.slice(0, slash);
  const model = slash === -1 ? '' : value.slice(slash + 1);
  if (credential === '' || (requireModel && model === '')) {
    throw new InvalidArgumentError(
      'model',
      'must be `<credential name>/<provider model>`, e.g. `main/gpt-4o-mini`; GET /v1/models lists the credentials',
    );
  }
  return { credential, model };
}

/** Every credential the caller may use, in creation order. */
export async function listUsableCredentials(
  credentials: CredentialService,
  principal: Principal,
): Promise<UsableCredential[]> {
  const all: UsableCredential[] = [];
  let cursor: string | undefined;
  do {
    const page = await credentials.listUsable(principal, {
      limit: MAX_PAGE_SIZE,
      ...(cursor ? { cursor } : {}),
    });
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}

/**
 * The caller's credential with this name, else with this id (names win; see
 * CredentialService.findUsable, which remembers names so this costs no listing per request).
 */
export async function findUsableCredential(
  credentials: CredentialService,
  principal: Principal,
  ref: string,
): Promise<UsableCredential> {
  const credential = await credentials.findUsable(principal, ref);
  if (credential) return credential;
  throw new DomainError('not_found', `no credential named "${ref}" in this project`, { field: 'model' });
}

import { InvalidArgumentError } from '@integration-api/core';

/**
 * Which model a chat runs on. An official model (`meta/meta-llama-3-8b-instruct`) runs its
 * latest version through `POST /models/{owner}/{name}/predictions`; a pinned version
 * (`owner/name:<version id>`, or the bare version id) through `POST /predictions` with `version`.
 */
export type ReplicateModelRef =
  | { readonly kind: 'model'; readonly owner: string; readonly name: string }
  | { readonly kind: 'version'; readonly version: string };

const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const VERSION_ID = /^[A-Za-z0-9]+$/;
const EXPECTED = 'must be owner/name, owner/name:version or a version id';

export function parseReplicateModelRef(model: string): ReplicateModelRef {
  const colon = model.indexOf(':');
  const path = colon === -1 ? model : model.slice(0, colon);
  const version = colon === -1 ? undefined : model.slice(colon + 1);
  if (version !== undefined && !VERSION_ID.test(version)) throw new InvalidArgumentError('model', EXPECTED);

  const parts = path.split('/');
  if (parts.length === 1 && version === undefined && VERSION_ID.test(path)) {
    return { kind: 'version', version: path };
  }
  if (parts.length !== 2 || !parts.every((part) => SEGMENT.test(part))) {
    throw new InvalidArgumentError('model', EXPECTED);
  }
  if (version !== undefined) return { kind: 'version', version };
  return { kind: 'model', owner: parts[0]!, name: parts[1]! };
}

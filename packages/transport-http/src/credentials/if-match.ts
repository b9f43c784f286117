import { InvalidArgumentError } from '@integration-api/core';

/** The strong entity tag of a credential version, as sent in `ETag`. */
export function versionTag(version: number): string {
  return `"${version}"`;
}

/**
 * The version an `If-Match` header demands: undefined when absent or `*` (any current version).
 * Only one strong tag is meaningful here: a weak tag or a list cannot guard a single update.
 */
export function versionFromIfMatch(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const value = header.trim();
  if (value === '*') return undefined;
  const match = /^"([1-9][0-9]{0,14})"$/.exec(value);
  if (!match?.[1]) {
    throw new InvalidArgumentError('If-Match', 'must be one entity tag from ETag, such as "3"');
  }
  return Number(match[1]);
}

/** The body's `version` and the `If-Match` header are two ways to say the same thing; they must agree. */
export function expectedVersion(
  bodyVersion: number | undefined,
  ifMatch: string | undefined,
): number | undefined {
  const headerVersion = versionFromIfMatch(ifMatch);
  if (bodyVersion !== undefined && headerVersion !== undefined && bodyVersion !== headerVersion) {
    throw new InvalidArgumentError('version', 'disagrees with the If-Match header');
  }
  return bodyVersion ?? headerVersion;
}

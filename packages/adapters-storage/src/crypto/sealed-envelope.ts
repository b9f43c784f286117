import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { KeyRing } from './key-ring.js';

/**
 * The stored form of a sealed value: `v1.<keyId>.<nonce>.<ciphertext>.<tag>` (base64url parts).
 * AES-256-GCM with a fresh 96-bit nonce per seal. The additional authenticated data is a JSON
 * array of the format version, the key id and the caller's context, so moving a value to another
 * context, or editing its version or key id, makes it fail to open.
 */
export const ENVELOPE_VERSION = 'v1';

const ALGORITHM = 'aes-256-gcm';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** A sealed value could not be opened. The message never holds key or secret material. */
export class SealedValueError extends Error {
  override name = 'SealedValueError';
}

export interface ParsedEnvelope {
  readonly version: string;
  readonly keyId: string;
  readonly nonce: Buffer;
  readonly ciphertext: Buffer;
  readonly tag: Buffer;
}

export function sealEnvelope(
  key: Buffer,
  keyId: string,
  plaintext: string,
  context: readonly string[],
): string {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(additionalData(ENVELOPE_VERSION, keyId, context));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [ENVELOPE_VERSION, keyId, nonce, ciphertext, cipher.getAuthTag()]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

export function openEnvelope(ring: KeyRing, sealed: string, context: readonly string[]): string {
  const envelope = parseEnvelope(sealed);
  const key = ring.keys.get(envelope.keyId);
  if (!key) {
    throw new SealedValueError(
      `the sealed value names key id ${envelope.keyId}, which is not configured (INTEGRATION_CRYPTO_KEYS)`,
    );
  }
  const decipher = createDecipheriv(ALGORITHM, key, envelope.nonce, { authTagLength: TAG_BYTES });
  decipher.setAAD(additionalData(envelope.version, envelope.keyId, context));
  decipher.setAuthTag(envelope.tag);
  try {
    return Buffer.concat([decipher.update(envelope.ciphertext), decipher.final()]).toString('utf8');
  } catch {
    throw new SealedValueError(
      'the sealed value failed authentication: it was altered, or belongs to another record',
    );
  }
}

export function parseEnvelope(sealed: string): ParsedEnvelope {
  const parts = sealed.split('.');
  const [version, keyId, nonce, ciphertext, tag] = parts;
  if (version !== ENVELOPE_VERSION) {
    throw new SealedValueError('the sealed value has an unknown format version');
  }
  if (parts.length !== 5 || !keyId) throw new SealedValueError('the sealed value is malformed');
  return {
    version,
    keyId,
    nonce: decodePart(nonce, NONCE_BYTES),
    ciphertext: decodePart(ciphertext),
    tag: decodePart(tag, TAG_BYTES),
  };
}

function decodePart(part: string | undefined, expectedBytes?: number): Buffer {
  const bytes = part !== undefined && BASE64URL.test(part) ? Buffer.from(part, 'base64url') : undefined;
  if (!bytes || (expectedBytes !== undefined && bytes.length !== expectedBytes)) {
    throw new SealedValueError('the sealed value is malformed');
  }
  return bytes;
}

function additionalData(version: string, keyId: string, context: readonly string[]): Buffer {
  // A JSON array keeps field boundaries unambiguous ("a","bc" differs from "ab","c").
  return Buffer.from(JSON.stringify([version, keyId, ...context]), 'utf8');
}

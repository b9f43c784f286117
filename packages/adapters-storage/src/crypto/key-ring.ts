import { createHash } from 'node:crypto';
import { parseKey } from './key-material.js';

/** The keys that can open sealed secrets, and the one new seals use. */
export interface KeyRing {
  readonly activeKeyId: string;
  readonly keys: ReadonlyMap<string, Buffer>;
}

export interface KeyRingSettings {
  /** INTEGRATION_CRYPTO_KEY */
  readonly activeKey: string;
  /** INTEGRATION_CRYPTO_KEY_ID; derived from the key when absent. */
  readonly activeKeyId?: string;
  /** INTEGRATION_CRYPTO_KEYS: older keys that still open existing data, `id1:key1,id2:key2`. */
  readonly olderKeys?: string;
}

export const KEY_ID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;

/** A fingerprint that names the key without revealing it: `k` + 8 hex chars of its SHA-256. */
export function deriveKeyId(key: Buffer): string {
  return `k${createHash('sha256').update(key).digest('hex').slice(0, 8)}`;
}

export function parseKeyRing(settings: KeyRingSettings): KeyRing {
  const activeKey = parseKey(settings.activeKey, 'INTEGRATION_CRYPTO_KEY');
  const activeKeyId = settings.activeKeyId?.trim() || deriveKeyId(activeKey);
  checkKeyId(activeKeyId, 'INTEGRATION_CRYPTO_KEY_ID');

  const keys = new Map<string, Buffer>([[activeKeyId, activeKey]]);
  const entries = (settings.olderKeys ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  entries.forEach((entry, index) => {
    const where = `INTEGRATION_CRYPTO_KEYS entry ${index + 1}`;
    const separator = entry.indexOf(':');
    if (separator < 0) throw new Error(`${where} must look like <key id>:<key>`);
    const id = entry.slice(0, separator).trim();
    checkKeyId(id, `${where} key id`);
    const key = parseKey(entry.slice(separator + 1), where);
    const known = keys.get(id);
    if (known && !known.equals(key)) {
      throw new Error(`${where}: key id ${id} is already used by a different key`);
    }
    keys.set(id, key);
  });
  return { activeKeyId, keys };
}

function checkKeyId(id: string, name: string): void {
  if (!KEY_ID_PATTERN.test(id)) {
    throw new Error(`${name} must be 1 to 32 letters, digits, "_" or "-"`);
  }
}

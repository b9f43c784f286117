import type { KeyRing } from './key-ring.js';
import { openEnvelope, sealEnvelope } from './sealed-envelope.js';

/** Where one sealed check value per key id is kept (the `encryption_key_checks` table). */
export interface KeyCheckStore {
  get(keyId: string): Promise<string | undefined>;
  /** Stores the value unless the key id has one already; returns whether it was stored. */
  insertIfAbsent(keyId: string, checkValue: string): Promise<boolean>;
}

export interface KeyRingVerification {
  /** Key ids whose stored check value opened. */
  readonly verified: readonly string[];
  /** Key ids seen for the first time; a check value was stored for each. */
  readonly recorded: readonly string[];
}

const CHECK_PLAINTEXT = 'integration-api key check';
const CHECK_CONTEXT = ['key-check'];

/**
 * Refuses a key ring whose key for some id differs from the one that sealed data under that id
 * before (a typo or a swapped key would otherwise only show up when a secret fails to open).
 */
export async function verifyKeyRing(ring: KeyRing, store: KeyCheckStore): Promise<KeyRingVerification> {
  const verified: string[] = [];
  const recorded: string[] = [];
  for (const [keyId, key] of ring.keys) {
    let stored = await store.get(keyId);
    if (stored === undefined) {
      if (await store.insertIfAbsent(keyId, sealEnvelope(key, keyId, CHECK_PLAINTEXT, CHECK_CONTEXT))) {
        recorded.push(keyId);
        continue;
      }
      // Another replica recorded it between our read and write: check theirs.
      stored = await store.get(keyId);
    }
    if (stored === undefined || !opensWith(keyId, key, stored)) {
      throw new Error(`the key for key id ${keyId} does not match the one that sealed existing data`);
    }
    verified.push(keyId);
  }
  return { verified, recorded };
}

function opensWith(keyId: string, key: Buffer, checkValue: string): boolean {
  try {
    // A ring of this one key: a value naming any other key id fails too.
    const single: KeyRing = { activeKeyId: keyId, keys: new Map([[keyId, key]]) };
    return openEnvelope(single, checkValue, CHECK_CONTEXT) === CHECK_PLAINTEXT;
  } catch {
    return false;
  }
}

export const KEY_BYTES = 32;

const HEX_KEY = /^[0-9a-fA-F]{64}$/;
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

/**
 * Decodes a 256-bit key given as base64 (standard or url alphabet) or 64 hex characters.
 * Error messages name the setting and what is wrong, never the value itself.
 */
export function parseKey(raw: string, name: string): Buffer {
  const value = raw.trim();
  if (value === '') throw new Error(`${name} is empty; it must be 32 bytes, base64 or hex`);
  // Hex first: every hex string is also valid base64 and would decode to the wrong bytes.
  if (HEX_KEY.test(value)) return Buffer.from(value, 'hex');
  if (!BASE64.test(value)) {
    throw new Error(`${name} must be 32 bytes, base64 or hex; got a value that is neither`);
  }
  const key = Buffer.from(value, 'base64');
  if (key.length !== KEY_BYTES) {
    throw new Error(`${name} must be ${KEY_BYTES} bytes, base64 or hex; got ${key.length} bytes`);
  }
  return key;
}

import { SERVING, healthStatus } from './health-status.js';

describe('healthStatus', () => {
  it('reads the status field of a HealthCheckResponse', () => {
    expect(healthStatus(Uint8Array.of(0x08, 0x01))).toBe(SERVING);
    expect(healthStatus(Uint8Array.of(0x08, 0x02))).toBe(2);
    // absent: UNKNOWN
    expect(healthStatus(new Uint8Array(0))).toBe(0);
  });

  it('skips fields it does not know', () => {
    // field 2 (length-delimited "ab"), field 3 (varint 300), then status
    expect(healthStatus(Uint8Array.of(0x12, 0x02, 0x61, 0x62, 0x18, 0xac, 0x02, 0x08, 0x01))).toBe(SERVING);
  });

  it('rejects truncated bytes', () => {
    expect(() => healthStatus(Uint8Array.of(0x08))).toThrow('truncated');
    expect(() => healthStatus(Uint8Array.of(0x12, 0x05, 0x61))).toThrow('truncated');
  });
});

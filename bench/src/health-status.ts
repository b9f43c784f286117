/** grpc.health.v1.HealthCheckResponse.ServingStatus.SERVING. */
export const SERVING = 1;

/**
 * `status` (field 1, varint) of a grpc.health.v1.HealthCheckResponse, read from its bytes;
 * 0 (UNKNOWN) when absent, as protobuf defaults it. Other fields are skipped.
 */
export function healthStatus(bytes: Uint8Array): number {
  let at = 0;
  const varint = (): number => {
    let value = 0;
    for (let shift = 0; shift < 64; shift += 7) {
      if (at >= bytes.length) throw new Error('HealthCheckResponse: truncated varint');
      const byte = bytes[at++]!;
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
    throw new Error('HealthCheckResponse: varint longer than 10 bytes');
  };
  let status = 0;
  while (at < bytes.length) {
    const tag = varint();
    const field = Math.floor(tag / 8);
    const wireType = tag % 8;
    if (wireType === 0) {
      const value = varint();
      if (field === 1) status = value;
    } else if (wireType === 1) at += 8;
    else if (wireType === 2) {
      const length = varint();
      at += length;
    } else if (wireType === 5) at += 4;
    else throw new Error(`HealthCheckResponse: unexpected wire type ${wireType}`);
  }
  if (at > bytes.length) throw new Error('HealthCheckResponse: truncated field');
  return status;
}

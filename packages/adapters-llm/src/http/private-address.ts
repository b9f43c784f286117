import { isIP } from 'node:net';

/**
 * Classifies an IP literal: returns why it is not a public unicast address (`loopback`,
 * `private`, ...) or undefined when the service may call it. Anything that does not parse as an
 * address is refused too, so callers fail closed.
 */
export function privateAddressKind(address: string): string | undefined {
  const unzoned = address.replace(/%.*$/, '');
  switch (isIP(unzoned)) {
    case 4:
      return ipv4Kind(parseIPv4(unzoned));
    case 6:
      return ipv6Kind(parseIPv6(unzoned));
    default:
      return 'not an IP address';
  }
}

/** `localhost` and its subdomains always mean this machine (RFC 6761), whatever DNS says. */
export function isLocalhostName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  return name === 'localhost' || name.endsWith('.localhost');
}

interface IPv4Range {
  readonly base: number;
  readonly bits: number;
  readonly kind: string;
}

const IPV4_RANGES: readonly IPv4Range[] = [
  ['0.0.0.0', 8, 'this network'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'carrier-grade NAT'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'IETF protocol assignments'],
  ['192.0.2.0', 24, 'documentation'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'benchmarking'],
  ['198.51.100.0', 24, 'documentation'],
  ['203.0.113.0', 24, 'documentation'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
].map(([base, bits, kind]) => ({
  base: parseIPv4(base as string),
  bits: bits as number,
  kind: kind as string,
}));

function ipv4Kind(value: number): string | undefined {
  for (const range of IPV4_RANGES) {
    const mask = range.bits === 0 ? 0 : (~0 << (32 - range.bits)) >>> 0;
    if ((value & mask) >>> 0 === range.base) return range.kind;
  }
  return undefined;
}

interface IPv6Range {
  readonly prefix: Uint8Array;
  readonly bits: number;
  /** A kind, or a function reading the embedded IPv4 address of translation prefixes. */
  readonly kind: string | ((bytes: Uint8Array) => string | undefined);
}

const IPV6_RANGES: readonly IPv6Range[] = [
  { prefix: parseIPv6('::'), bits: 128, kind: 'unspecified' },
  { prefix: parseIPv6('::1'), bits: 128, kind: 'loopback' },
  // An IPv4-mapped address reaches IPv4 space through the dual stack; refused whatever it embeds.
  { prefix: parseIPv6('::ffff:0:0'), bits: 96, kind: 'IPv4-mapped' },
  { prefix: parseIPv6('::'), bits: 96, kind: 'IPv4-compatible' },
  // NAT64 and 6to4 carry a real IPv4 destination: judge that one (DNS64 networks rely on NAT64).
  { prefix: parseIPv6('64:ff9b::'), bits: 96, kind: (b) => embedded('NAT64', b, 12) },
  { prefix: parseIPv6('64:ff9b:1::'), bits: 48, kind: 'local NAT64' },
  { prefix: parseIPv6('100::'), bits: 64, kind: 'discard-only' },
  { prefix: parseIPv6('2001:db8::'), bits: 32, kind: 'documentation' },
  { prefix: parseIPv6('2002::'), bits: 16, kind: (b) => embedded('6to4', b, 2) },
  { prefix: parseIPv6('fc00::'), bits: 7, kind: 'unique-local' },
  { prefix: parseIPv6('fe80::'), bits: 10, kind: 'link-local' },
  { prefix: parseIPv6('fec0::'), bits: 10, kind: 'site-local' },
  { prefix: parseIPv6('ff00::'), bits: 8, kind: 'multicast' },
];

function ipv6Kind(bytes: Uint8Array): string | undefined {
  for (const range of IPV6_RANGES) {
    if (!hasPrefix(bytes, range.prefix, range.bits)) continue;
    return typeof range.kind === 'string' ? range.kind : range.kind(bytes);
  }
  return undefined;
}

function embedded(label: string, bytes: Uint8Array, offset: number): string | undefined {
  const value =
    ((bytes[offset]! << 24) | (bytes[offset + 1]! << 16) | (bytes[offset + 2]! << 8) | bytes[offset + 3]!) >>>
    0;
  const kind = ipv4Kind(value);
  return kind ? `${label} of ${kind}` : undefined;
}

function hasPrefix(bytes: Uint8Array, prefix: Uint8Array, bits: number): boolean {
  for (let bit = 0; bit < bits; bit += 8) {
    const take = Math.min(8, bits - bit);
    const mask = (0xff << (8 - take)) & 0xff;
    const index = bit / 8;
    if ((bytes[index]! & mask) !== (prefix[index]! & mask)) return false;
  }
  return true;
}

/** Expects a valid dotted quad (checked by isIP). */
function parseIPv4(text: string): number {
  return text.split('.').reduce((value, part) => ((value << 8) | Number(part)) >>> 0, 0);
}

/** Expects a valid IPv6 literal without zone (checked by isIP); expands `::` and a dotted tail. */
function parseIPv6(text: string): Uint8Array {
  let address = text;
  if (address.includes('.')) {
    const cut = address.lastIndexOf(':') + 1;
    const v4 = parseIPv4(address.slice(cut));
    address = `${address.slice(0, cut)}${(v4 >>> 16).toString(16)}:${(v4 & 0xffff).toString(16)}`;
  }
  let groups: string[];
  if (address.includes('::')) {
    const [left = '', right = ''] = address.split('::');
    const head = left ? left.split(':') : [];
    const tail = right ? right.split(':') : [];
    groups = [...head, ...Array<string>(8 - head.length - tail.length).fill('0'), ...tail];
  } else {
    groups = address.split(':');
  }
  const bytes = new Uint8Array(16);
  groups.forEach((group, i) => {
    const value = parseInt(group, 16);
    bytes[i * 2] = value >> 8;
    bytes[i * 2 + 1] = value & 0xff;
  });
  return bytes;
}

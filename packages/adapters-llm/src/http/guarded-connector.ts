import { lookup as systemLookup, type LookupAddress, type LookupAllOptions } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { buildConnector } from 'undici';
import { isLocalhostName, privateAddressKind } from './private-address.js';

/** The connect-time refusal of a private upstream; the error classifier recognizes its code. */
export class PrivateUpstreamAddressError extends Error {
  readonly code = 'INTEGRATION_PRIVATE_UPSTREAM';

  constructor() {
    super('the upstream host resolves to a private or loopback address');
    this.name = 'PrivateUpstreamAddressError';
  }
}

type LookupAll = (
  hostname: string,
  options: LookupAllOptions,
  callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

/**
 * A `lookup` for net/tls connect that refuses names resolving to any private address. Checking
 * the addresses actually connected to (not only those seen when the URL was stored) defeats DNS
 * rebinding.
 */
export function createGuardedLookup(resolve: LookupAll = systemLookup): LookupFunction {
  return (hostname, options, callback) => {
    if (isLocalhostName(hostname)) {
      callback(new PrivateUpstreamAddressError(), '', undefined);
      return;
    }
    resolve(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', undefined);
      if (addresses.length === 0) {
        return callback(
          Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }),
          '',
          undefined,
        );
      }
      if (addresses.some((a) => privateAddressKind(a.address) !== undefined)) {
        return callback(new PrivateUpstreamAddressError(), '', undefined);
      }
      if (options.all) return callback(null, addresses);
      const first = addresses[0]!;
      return callback(null, first.address, first.family);
    });
  };
}

/**
 * An undici connector that refuses private upstreams: literal IPs are checked here (net.connect
 * skips `lookup` for them), names through the guarded lookup.
 */
export function createGuardedConnector(options: {
  readonly timeoutMs: number;
  readonly lookup?: LookupFunction;
}): buildConnector.connector {
  const connect = buildConnector({
    timeout: options.timeoutMs,
    lookup: options.lookup ?? createGuardedLookup(),
  });
  return (target, callback) => {
    const host = target.hostname;
    if (isLocalhostName(host) || (isIP(host) !== 0 && privateAddressKind(host) !== undefined)) {
      callback(new PrivateUpstreamAddressError(), null);
      return;
    }
    connect(target, callback);
  };
}

import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { InvalidArgumentError, type UpstreamGuard } from '@integration-api/core';
import { isLocalhostName, privateAddressKind } from './private-address.js';

/** Resolves a host name to every address it has. */
export type ResolveAddresses = (hostname: string) => Promise<readonly string[]>;

export interface PrivateAddressUpstreamGuardOptions {
  /** Allow private and loopback upstreams (INTEGRATION_ALLOW_PRIVATE_UPSTREAMS), e.g. a local model server. */
  readonly allowPrivate?: boolean;
  /** Default: the system resolver (dns.lookup, all addresses). */
  readonly resolve?: ResolveAddresses;
}

export const PRIVATE_UPSTREAM_MESSAGE =
  'points at a private or loopback address; such upstreams are refused unless the operator allows private upstreams';

/**
 * Checks a user-supplied upstream URL before it is stored: its host (a name, resolved to every
 * address, or a literal IP) must be public. The connector of UpstreamClients repeats the check at
 * connect time, so a name that later resolves elsewhere (DNS rebinding) is refused too.
 */
export class PrivateAddressUpstreamGuard implements UpstreamGuard {
  private readonly allowPrivate: boolean;
  private readonly resolve: ResolveAddresses;

  constructor(options: PrivateAddressUpstreamGuardOptions = {}) {
    this.allowPrivate = options.allowPrivate ?? false;
    this.resolve = options.resolve ?? resolveWithSystem;
  }

  async check(url: string, field: string): Promise<void> {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new InvalidArgumentError(field, 'must be an absolute URL');
    }
    if (this.allowPrivate) return;

    const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
    if (isLocalhostName(host)) throw new InvalidArgumentError(field, PRIVATE_UPSTREAM_MESSAGE);
    const addresses = isIP(host) ? [host] : await this.addressesOf(host, field);
    if (addresses.some((address) => privateAddressKind(address) !== undefined)) {
      throw new InvalidArgumentError(field, PRIVATE_UPSTREAM_MESSAGE);
    }
  }

  private async addressesOf(host: string, field: string): Promise<readonly string[]> {
    let addresses: readonly string[];
    try {
      addresses = await this.resolve(host);
    } catch {
      addresses = [];
    }
    if (addresses.length === 0) throw new InvalidArgumentError(field, 'names a host that does not resolve');
    return addresses;
  }
}

async function resolveWithSystem(hostname: string): Promise<readonly string[]> {
  const results = await lookup(hostname, { all: true, verbatim: true });
  return results.map((result) => result.address);
}

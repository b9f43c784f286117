import type { LookupAddress } from 'node:dns';
import { createGuardedLookup, PrivateUpstreamAddressError } from './guarded-connector.js';

type Answer = { error: NodeJS.ErrnoException | null; addresses: LookupAddress[] };

/** Runs the guarded lookup over a fake resolver and returns what it called back with. */
function lookupWith(addresses: LookupAddress[], all: boolean, hostname = 'api.example.com') {
  const lookup = createGuardedLookup((_host, _options, callback) => callback(null, addresses));
  return new Promise<{ error: Error | null; address: unknown; family?: number }>((resolve) => {
    lookup(hostname, { all }, (error, address, family) => resolve({ error, address, family }));
  });
}

describe('createGuardedLookup', () => {
  const publicV4: LookupAddress = { address: '93.184.215.14', family: 4 };
  const publicV6: LookupAddress = { address: '2606:2800:21f:cb07:6820:80da:af6b:8b2c', family: 6 };

  it('passes public addresses through in the shape asked for', async () => {
    expect(await lookupWith([publicV4, publicV6], true)).toMatchObject({
      error: null,
      address: [publicV4, publicV6],
    });
    expect(await lookupWith([publicV4, publicV6], false)).toMatchObject({
      error: null,
      address: '93.184.215.14',
      family: 4,
    });
  });

  it('refuses a name when any of its addresses is private', async () => {
    const result = await lookupWith([publicV4, { address: '10.0.0.5', family: 4 }], true);
    expect(result.error).toBeInstanceOf(PrivateUpstreamAddressError);
  });

  it('refuses localhost names without resolving them', async () => {
    const result = await lookupWith([publicV4], false, 'localhost');
    expect(result.error).toBeInstanceOf(PrivateUpstreamAddressError);
  });

  it('passes resolver errors on', async () => {
    const failing: Answer = {
      error: Object.assign(new Error('ENOTFOUND'), { code: 'ENOTFOUND' }),
      addresses: [],
    };
    const lookup = createGuardedLookup((_host, _options, callback) =>
      callback(failing.error, failing.addresses),
    );
    const error = await new Promise<Error | null>((resolve) =>
      lookup('nowhere.example', {}, (e) => resolve(e)),
    );
    expect(error).toMatchObject({ code: 'ENOTFOUND' });
  });
});

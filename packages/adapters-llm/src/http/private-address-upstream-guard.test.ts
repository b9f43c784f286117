import { InvalidArgumentError } from '@integration-api/core';
import { PrivateAddressUpstreamGuard } from './private-address-upstream-guard.js';

/** A resolver answering from a fixed table, so tests need no DNS. */
function resolverOf(table: Record<string, readonly string[]>) {
  return async (hostname: string): Promise<readonly string[]> => {
    const addresses = table[hostname];
    if (!addresses)
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return addresses;
  };
}

const resolve = resolverOf({
  'api.example.com': ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'],
  'metadata.internal': ['169.254.169.254'],
  'rebind.example.com': ['93.184.215.14', '10.0.0.5'],
  'empty.example.com': [],
});

async function refusal(guard: PrivateAddressUpstreamGuard, url: string): Promise<InvalidArgumentError> {
  const error: unknown = await guard.check(url, 'config.baseUrl').then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InvalidArgumentError);
  return error as InvalidArgumentError;
}

describe('PrivateAddressUpstreamGuard', () => {
  const guard = new PrivateAddressUpstreamGuard({ resolve });

  it('accepts a host whose every address is public', async () => {
    await expect(guard.check('https://api.example.com/v1', 'config.baseUrl')).resolves.toBeUndefined();
  });

  it.each([
    'http://127.0.0.1:8080/v1',
    'http://[::1]:8080/v1',
    'http://[::ffff:127.0.0.1]/v1',
    'http://10.1.2.3/v1',
    'http://169.254.169.254/latest/meta-data',
    'http://100.64.0.1/',
    'http://[fd00::1]/',
    'http://0.0.0.0:11434/',
    'http://localhost:11434/v1',
    'http://api.localhost/v1',
    'http://metadata.internal/computeMetadata/v1',
    'http://rebind.example.com/v1',
  ])('refuses %s naming the field', async (url) => {
    const error = await refusal(guard, url);
    expect(error.details.field).toBe('config.baseUrl');
    expect(error.message).toContain('points at a private or loopback address');
  });

  it('refuses a name that does not resolve', async () => {
    const error = await refusal(guard, 'https://nowhere.example.com/v1');
    expect(error.message).toBe('config.baseUrl: names a host that does not resolve');
  });

  it('refuses a name that resolves to no address', async () => {
    const error = await refusal(guard, 'https://empty.example.com/v1');
    expect(error.message).toContain('does not resolve');
  });

  it('refuses a string that is not a URL', async () => {
    const error = await refusal(guard, 'not a url');
    expect(error.message).toContain('must be an absolute URL');
  });

  it('accepts private and loopback upstreams when the operator allows them', async () => {
    const allowing = new PrivateAddressUpstreamGuard({ allowPrivate: true, resolve });
    await expect(allowing.check('http://127.0.0.1:8080/v1', 'config.baseUrl')).resolves.toBeUndefined();
    await expect(allowing.check('http://localhost:11434/v1', 'config.baseUrl')).resolves.toBeUndefined();
    await expect(allowing.check('http://metadata.internal/', 'config.baseUrl')).resolves.toBeUndefined();
  });

  it('resolves names with the system resolver by default', async () => {
    // `localhost` is refused by name before any lookup; a literal needs no resolver at all.
    const systemGuard = new PrivateAddressUpstreamGuard();
    await refusal(systemGuard, 'http://localhost/');
    await expect(systemGuard.check('https://8.8.8.8/', 'config.baseUrl')).resolves.toBeUndefined();
  });
});

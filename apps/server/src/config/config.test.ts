import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('defaults to port 9004 on all interfaces with embedded backends', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 9004, host: '0.0.0.0', dataDir: './.data', production: false });
    expect(config.databaseUrl).toBeUndefined();
    expect(config.redisUrl).toBeUndefined();
  });

  it('refuses to start in production without a crypto key and a JWT secret', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    try {
      loadConfig({ NODE_ENV: 'production' });
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([
        'INTEGRATION_CRYPTO_KEY is required when NODE_ENV=production',
        'INTEGRATION_JWT_SECRET is required when NODE_ENV=production',
      ]);
    }
  });

  it('reports every bad variable at once without echoing values', () => {
    const secretish = 'postgres://user:hunter2-canary@';
    let error: ConfigError | undefined;
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: `${secretish}[bad`, INTEGRATION_JWT_SECRET: 'short-canary' });
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error?.problems).toHaveLength(3);
    expect(error?.message).toContain('PORT must be an integer');
    expect(error?.message).toContain('DATABASE_URL is not a valid URL');
    expect(error?.message).not.toContain('hunter2-canary');
    expect(error?.message).not.toContain('short-canary');
  });

  it('reads booleans and timeouts', () => {
    const config = loadConfig({
      INTEGRATION_ALLOW_PRIVATE_UPSTREAMS: 'true',
      INTEGRATION_UPSTREAM_CONNECT_TIMEOUT_MS: '250',
    });
    expect(config.allowPrivateUpstreams).toBe(true);
    expect(config.upstream.connectTimeoutMs).toBe(250);
  });
});

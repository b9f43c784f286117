/**
 * The server's configuration, read once from the environment. Problems are collected and reported
 * together; a message names the variable and what is wrong with it, never its value.
 */
export interface Config {
  readonly production: boolean;
  readonly host: string;
  readonly port: number;
  readonly logLevel: string;
  /** Absent: run an embedded PostgreSQL in `dataDir`. */
  readonly databaseUrl?: string;
  /** Absent: an in-memory cache. */
  readonly redisUrl?: string;
  readonly dataDir: string;
  /** INTEGRATION_CRYPTO_KEY; absent only in dev mode, where one is generated into dataDir. */
  readonly cryptoKey?: string;
  readonly cryptoKeyId?: string;
  readonly olderCryptoKeys?: string;
  readonly jwtSecret?: string;
  readonly allowPrivateUpstreams: boolean;
  readonly shutdownGraceMs: number;
  readonly readinessTimeoutMs: number;
  readonly cacheTtlSeconds: number;
  readonly localCacheTtlSeconds: number;
  readonly bodyLimitBytes: number;
  readonly upstream: {
    readonly connectTimeoutMs: number;
    readonly headersTimeoutMs: number;
    readonly bodyTimeoutMs: number;
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const read = new EnvReader(env, problems);
  const production = env.NODE_ENV === 'production';
  const config: Config = {
    production,
    host: read.string('HOST', '0.0.0.0'),
    port: read.integer('PORT', 9004, 0, 65_535),
    logLevel: read.oneOf('LOG_LEVEL', 'info', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
    databaseUrl: read.optionalUrl('DATABASE_URL', ['postgres:', 'postgresql:']),
    redisUrl: read.optionalUrl('REDIS_URL', ['redis:', 'rediss:']),
    dataDir: read.string('INTEGRATION_DATA_DIR', './.data'),
    cryptoKey: read.optional('INTEGRATION_CRYPTO_KEY'),
    cryptoKeyId: read.optional('INTEGRATION_CRYPTO_KEY_ID'),
    olderCryptoKeys: read.optional('INTEGRATION_CRYPTO_KEYS'),
    jwtSecret: read.optional('INTEGRATION_JWT_SECRET'),
    allowPrivateUpstreams: read.boolean('INTEGRATION_ALLOW_PRIVATE_UPSTREAMS', false),
    shutdownGraceMs: read.integer('INTEGRATION_SHUTDOWN_GRACE_MS', 10_000, 0, 600_000),
    readinessTimeoutMs: read.integer('INTEGRATION_READINESS_TIMEOUT_MS', 1_000, 10, 60_000),
    cacheTtlSeconds: read.integer('INTEGRATION_CACHE_TTL_SECONDS', 300, 1, 86_400),
    localCacheTtlSeconds: read.integer('INTEGRATION_LOCAL_CACHE_TTL_SECONDS', 30, 1, 3_600),
    bodyLimitBytes: read.integer('INTEGRATION_BODY_LIMIT_BYTES', 1_048_576, 1_024, 104_857_600),
    upstream: {
      connectTimeoutMs: read.integer('INTEGRATION_UPSTREAM_CONNECT_TIMEOUT_MS', 10_000, 1, 600_000),
      headersTimeoutMs: read.integer('INTEGRATION_UPSTREAM_FIRST_BYTE_TIMEOUT_MS', 60_000, 1, 3_600_000),
      bodyTimeoutMs: read.integer('INTEGRATION_UPSTREAM_IDLE_TIMEOUT_MS', 60_000, 1, 3_600_000),
    },
  };
  if (production) {
    if (!config.cryptoKey) problems.push('INTEGRATION_CRYPTO_KEY is required when NODE_ENV=production');
    if (!config.jwtSecret) problems.push('INTEGRATION_JWT_SECRET is required when NODE_ENV=production');
  }
  if (config.jwtSecret !== undefined && Buffer.byteLength(config.jwtSecret) < 32) {
    problems.push('INTEGRATION_JWT_SECRET must be at least 32 bytes long');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

class EnvReader {
  constructor(
    private readonly env: Env,
    private readonly problems: string[],
  ) {}

  optional(name: string): string | undefined {
    const value = this.env[name]?.trim();
    return value ? value : undefined;
  }

  string(name: string, fallback: string): string {
    return this.optional(name) ?? fallback;
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const raw = this.optional(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      this.problems.push(`${name} must be an integer from ${min} to ${max}`);
      return fallback;
    }
    return value;
  }

  boolean(name: string, fallback: boolean): boolean {
    const raw = this.optional(name)?.toLowerCase();
    if (raw === undefined) return fallback;
    if (['true', '1', 'yes'].includes(raw)) return true;
    if (['false', '0', 'no'].includes(raw)) return false;
    this.problems.push(`${name} must be true or false`);
    return fallback;
  }

  oneOf(name: string, fallback: string, allowed: readonly string[]): string {
    const raw = this.optional(name);
    if (raw === undefined) return fallback;
    if (!allowed.includes(raw)) this.problems.push(`${name} must be one of ${allowed.join(', ')}`);
    return raw;
  }

  /** URLs can carry passwords, so a bad one is reported without its value. */
  optionalUrl(name: string, protocols: readonly string[]): string | undefined {
    const raw = this.optional(name);
    if (raw === undefined) return undefined;
    try {
      const url = new URL(raw);
      if (!protocols.includes(url.protocol)) {
        this.problems.push(`${name} must be a URL with scheme ${protocols.join(' or ')}`);
      }
    } catch {
      this.problems.push(`${name} is not a valid URL`);
    }
    return raw;
  }
}

#!/usr/bin/env node
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { SCOPES, isScope, type Scope } from '@integration-api/core';
import { mintToken } from './auth/jwt.js';
import { ConfigError, loadConfig, type Config } from './config/config.js';
import { loadOrCreateDevSecrets } from './config/dev-secrets.js';
import { createLogger } from './logging/logger.js';
import { startInfrastructure } from './infrastructure/infrastructure.js';

const USAGE = `usage: integration-api <command>

commands:
  migrate                         apply database migrations and exit
  token --org O --project P       mint a service token (HS256, INTEGRATION_JWT_SECRET or the dev secret)
        [--scopes ${SCOPES.join(',')}] [--subject S] [--ttl 1h]
  generate-key                    print a new random AES-256 key (base64) for INTEGRATION_CRYPTO_KEY
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'migrate':
      return migrate(loadConfig());
    case 'token':
      return token(loadConfig(), rest);
    case 'generate-key':
      process.stdout.write(`${randomBytes(32).toString('base64')}\n`);
      return 0;
    default:
      process.stderr.write(USAGE);
      return command === undefined || command === 'help' || command === '--help' ? 0 : 64;
  }
}

async function migrate(config: Config): Promise<number> {
  const logger = createLogger(config.logLevel);
  const cryptoKey = config.cryptoKey ?? (await loadOrCreateDevSecrets(config.dataDir)).secrets.cryptoKey;
  // Starting the infrastructure applies migrations and checks the key ring.
  const infrastructure = await startInfrastructure(config, { cryptoKey }, logger);
  await infrastructure.close();
  return 0;
}

async function token(config: Config, args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      org: { type: 'string' },
      project: { type: 'string' },
      scopes: { type: 'string' },
      subject: { type: 'string' },
      ttl: { type: 'string' },
    },
  });
  if (!values.org || !values.project) {
    process.stderr.write('token needs --org and --project\n');
    return 64;
  }
  const scopes = values.scopes ? values.scopes.split(',').map((s) => s.trim()) : [...SCOPES];
  const unknown = scopes.filter((s) => !isScope(s));
  if (unknown.length > 0) {
    process.stderr.write(`unknown scopes: ${unknown.join(', ')} (known: ${SCOPES.join(', ')})\n`);
    return 64;
  }
  const secret = config.jwtSecret ?? (await loadOrCreateDevSecrets(config.dataDir)).secrets.jwtSecret;
  const jwt = await mintToken(secret, {
    subject: values.subject ?? 'cli',
    organizationId: values.org,
    projectId: values.project,
    scopes: scopes as Scope[],
    expiresIn: values.ttl ?? '1h',
  });
  process.stdout.write(`${jwt}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = error instanceof ConfigError || error instanceof Error ? error.message : String(error);
    process.stderr.write(`integration-api: ${message}\n`);
    process.exit(1);
  },
);

import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { getTestDatabaseUrl, getTestRedisUrl } from '@integration-api/adapters-storage/testing';
import {
  CredentialServiceDefinition,
  InferenceServiceDefinition,
  type CredentialServiceClient,
  type InferenceServiceClient,
} from '@integration-api/transport-grpc';
import type { Scope } from '@integration-api/core';
import { Metadata, createChannel, createClient, type Channel } from 'nice-grpc';
import { mintToken } from '../src/auth/jwt.js';
import { loadConfig } from '../src/config/config.js';
import { createLogger } from '../src/logging/logger.js';
import { startServer, type RunningServer } from '../src/server.js';

export const JWT_SECRET = 'e2e-jwt-secret-0123456789-0123456789-abcdef';
export const CRYPTO_KEY = randomBytes(32).toString('base64');

export interface Harness {
  readonly server: RunningServer;
  readonly baseUrl: string;
  readonly logLines: string[];
  readonly databaseUrl: string;
  readonly redisUrl?: string;
  token(tenant?: { org?: string; project?: string; scopes?: Scope[] }): Promise<string>;
  grpc(token: string): {
    client: CredentialServiceClient;
    inference: InferenceServiceClient;
    channel: Channel;
  };
  stop(): Promise<void>;
}

export interface HarnessOptions {
  readonly env?: Record<string, string>;
  /** Default: the test Redis when one is available. `false` runs on the in-memory cache. */
  readonly redis?: boolean;
  /** Reuse a database (for restart tests). */
  readonly databaseUrl?: string;
}

/**
 * Starts the real server (all real adapters) on an ephemeral port, against a fresh PostgreSQL
 * database and the test Redis, capturing every log line it writes.
 */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const database = options.databaseUrl ? undefined : await getTestDatabaseUrl();
  const databaseUrl = options.databaseUrl ?? database!.url;
  const redis = options.redis === false ? undefined : await getTestRedisUrl();
  const logLines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  const config = loadConfig({
    HOST: '127.0.0.1',
    PORT: '0',
    DATABASE_URL: databaseUrl,
    ...(redis ? { REDIS_URL: redis.url } : {}),
    INTEGRATION_CRYPTO_KEY: CRYPTO_KEY,
    INTEGRATION_JWT_SECRET: JWT_SECRET,
    INTEGRATION_ALLOW_PRIVATE_UPSTREAMS: 'true',
    INTEGRATION_SHUTDOWN_GRACE_MS: '2000',
    LOG_LEVEL: 'debug',
    ...options.env,
  });
  const server = await startServer(config, createLogger(config.logLevel, sink));
  const baseUrl = `http://127.0.0.1:${server.port}`;
  const channels: Channel[] = [];
  let stopped = false;
  return {
    server,
    baseUrl,
    logLines,
    databaseUrl,
    ...(redis ? { redisUrl: redis.url } : {}),
    token: (tenant = {}) =>
      mintToken(JWT_SECRET, {
        subject: 'e2e',
        organizationId: tenant.org ?? 'org-e2e',
        projectId: tenant.project ?? 'proj-e2e',
        ...(tenant.scopes ? { scopes: tenant.scopes } : {}),
      }),
    grpc(token: string) {
      const channel = createChannel(`127.0.0.1:${server.port}`);
      channels.push(channel);
      const options = { '*': { metadata: Metadata({ authorization: `Bearer ${token}` }) } };
      const client = createClient(CredentialServiceDefinition, channel, options);
      const inference = createClient(InferenceServiceDefinition, channel, options);
      return { client, inference, channel };
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      for (const channel of channels) channel.close();
      await server.stop();
      await database?.cleanup();
      await redis?.cleanup();
    },
  };
}

export interface ApiResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read whatever JSON came back
  readonly json: any;
}

/** fetch against the server with a bearer token and JSON. */
export async function api(
  harness: Harness,
  token: string | undefined,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<ApiResponse> {
  const response = await fetch(`${harness.baseUrl}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

import { pino, type Logger } from 'pino';

/**
 * Field names whose values are secret wherever they appear in a log object. pino replaces them
 * before serialization, so a secret passed to the logger by mistake still never reaches a line.
 */
const SECRET_KEYS = [
  'secret',
  'secrets',
  'apiKey',
  'api_key',
  'apiToken',
  'secretAccessKey',
  'sessionToken',
  'serviceAccountJson',
  'privateKey',
  'private_key',
  'password',
  'token',
  'accessToken',
  'sealedSecret',
  'authorization',
  'cryptoKey',
  'jwtSecret',
];

export function redactPaths(): string[] {
  const paths = [
    'req.headers.authorization',
    'req.headers["x-api-key"]',
    'req.headers["api-key"]',
    'req.body',
  ];
  for (const key of SECRET_KEYS) paths.push(key, `*.${key}`, `*.*.${key}`);
  return paths;
}

export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  const options = {
    level,
    redact: { paths: redactPaths(), censor: '[redacted]' },
    base: { service: 'integration-api' },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return destination ? pino(options, destination as pino.DestinationStream) : pino(options);
}

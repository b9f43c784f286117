import { ServerCredentials, type Server } from '@grpc/grpc-js';
import { ClientError, type CallOptions, type Metadata } from 'nice-grpc';

/** Binds a server to an ephemeral port on 127.0.0.1 (production injects sockets instead). */
export function bindEphemeral(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (error, port) =>
      error ? reject(error) : resolve(port),
    );
  });
}

export interface CallFailure {
  readonly code: number;
  readonly details: string;
  readonly trailer: Metadata | undefined;
}

/** Runs a call that must fail and returns its status and trailing metadata. */
export async function failureOf(call: (options: CallOptions) => Promise<unknown>): Promise<CallFailure> {
  let trailer: Metadata | undefined;
  try {
    await call({ onTrailer: (received) => (trailer = received) });
  } catch (error) {
    if (!(error instanceof ClientError)) throw error;
    return { code: error.code, details: error.details, trailer };
  }
  throw new Error('the call succeeded but was expected to fail');
}

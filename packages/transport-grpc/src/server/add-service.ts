import {
  Metadata as GrpcMetadata,
  type MethodDefinition as GrpcMethodDefinition,
  type sendUnaryData,
  type Server,
  type ServerDuplexStream,
  type ServerReadableStream,
  type ServerUnaryCall,
  type ServerWritableStream,
  type UntypedHandleCall,
} from '@grpc/grpc-js';
import type { EventEmitter } from 'node:events';
import type { Readable, Writable } from 'node:stream';
import {
  Metadata,
  ServerError,
  Status,
  type CallContext,
  type CompatServiceDefinition,
  type MethodDescriptor,
  type ServerMiddleware,
  type ServiceImplementation,
  type TsProtoServiceDefinition,
} from 'nice-grpc';

/*
 * Registers nice-grpc style services on a grpc-js Server that we create and own.
 *
 * nice-grpc's createServer() builds its grpc-js Server only inside listen(), which binds a port, and
 * keeps it private; the one-port listener needs an unbound Server to inject accepted sockets into
 * (server.createConnectionInjector). nice-grpc's per-call handlers are internal (not exported, no
 * types), so this module does the same job with public APIs only: the same implementation objects,
 * middleware and CallContext (metadata, header, trailer, an AbortSignal that fires when the client
 * cancels), ServerError as the call status, an AbortError as CANCELLED.
 */

type UnaryCall = ServerUnaryCall<unknown, unknown> | ServerReadableStream<unknown, unknown>;
type StreamingCall = ServerWritableStream<unknown, unknown> | ServerDuplexStream<unknown, unknown>;
/** What every grpc-js server call has (grpc-js does not export its ServerSurfaceCall type). */
type SurfaceCall = Pick<
  ServerUnaryCall<unknown, unknown>,
  'cancelled' | 'metadata' | 'getPeer' | 'sendMetadata'
> &
  EventEmitter;
type AnyImplementation = (request: unknown, context: CallContext) => unknown;
type Handler = (request: unknown, context: CallContext) => AsyncGenerator<unknown, unknown, undefined>;

interface MethodEntry {
  readonly key: string;
  readonly grpc: GrpcMethodDefinition<unknown, unknown>;
  readonly descriptor: MethodDescriptor;
}

/** Adds a service without middleware. */
export function addService<Service extends CompatServiceDefinition>(
  server: Server,
  definition: Service,
  implementation: ServiceImplementation<Service>,
): void;
/** Adds a service whose calls go through `middleware` (compose several with composeServerMiddleware). */
export function addService<Service extends CompatServiceDefinition, Ext>(
  server: Server,
  definition: Service,
  implementation: ServiceImplementation<Service, Ext>,
  middleware: ServerMiddleware<Ext>,
): void;
export function addService(
  server: Server,
  definition: CompatServiceDefinition,
  implementation: object,
  middleware?: ServerMiddleware<unknown>,
): void {
  const handlers: Record<string, UntypedHandleCall> = {};
  const grpcDefinition: Record<string, GrpcMethodDefinition<unknown, unknown>> = {};
  for (const method of methodsOf(definition)) {
    const impl = (implementation as Record<string, unknown>)[method.key];
    if (typeof impl !== 'function') throw new Error(`${method.descriptor.path} has no implementation`);
    handlers[method.key] = createHandler(method, impl.bind(implementation) as AnyImplementation, middleware);
    grpcDefinition[method.key] = method.grpc;
  }
  server.addService(grpcDefinition, handlers);
}

/** The fully qualified name of a service (`integration.v1.CredentialService`). */
export function serviceNameOf(definition: CompatServiceDefinition): string {
  if (isTsProto(definition)) return definition.fullName;
  const [first] = methodsOf(definition);
  if (!first) throw new Error('a service without methods has no name to derive');
  return first.descriptor.path.split('/')[1] ?? '';
}

function methodsOf(definition: CompatServiceDefinition): MethodEntry[] {
  if (isTsProto(definition)) {
    return Object.entries(definition.methods).map(([key, m]) => {
      const grpc: GrpcMethodDefinition<unknown, unknown> = {
        path: `/${definition.fullName}/${m.name}`,
        requestStream: m.requestStream,
        responseStream: m.responseStream,
        requestSerialize: (value) => toBuffer(encodeTsProto(m.requestType, value)),
        requestDeserialize: (bytes) => m.requestType.decode(bytes),
        responseSerialize: (value) => toBuffer(encodeTsProto(m.responseType, value)),
        responseDeserialize: (bytes) => m.responseType.decode(bytes),
      };
      return { key, grpc, descriptor: descriptorOf(grpc, m.options) };
    });
  }
  // A grpc-js definition or nice-grpc's own: both describe each method with a path and codecs.
  return Object.entries(definition).map(([key, m]) => {
    const method = m as GrpcMethodDefinition<unknown, unknown> & { options?: MethodDescriptor['options'] };
    const grpc: GrpcMethodDefinition<unknown, unknown> = {
      path: method.path,
      requestStream: method.requestStream,
      responseStream: method.responseStream,
      requestSerialize: (value) => toBuffer(method.requestSerialize(value)),
      requestDeserialize: (bytes) => method.requestDeserialize(bytes),
      responseSerialize: (value) => toBuffer(method.responseSerialize(value)),
      responseDeserialize: (bytes) => method.responseDeserialize(bytes),
    };
    return { key, grpc, descriptor: descriptorOf(grpc, method.options ?? {}) };
  });
}

function isTsProto(definition: CompatServiceDefinition): definition is TsProtoServiceDefinition {
  return 'name' in definition && 'fullName' in definition && 'methods' in definition;
}

type TsProtoType = TsProtoServiceDefinition['methods'][string]['requestType'];

/** ts-proto encoders take complete messages; implementations may return partial ones. */
function encodeTsProto(type: TsProtoType, value: unknown): Uint8Array {
  return type.encode(type.fromPartial ? type.fromPartial(value) : value).finish();
}

function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function descriptorOf(
  method: GrpcMethodDefinition<unknown, unknown>,
  options: MethodDescriptor['options'],
): MethodDescriptor {
  return {
    path: method.path,
    requestStream: method.requestStream,
    responseStream: method.responseStream,
    options,
  };
}

function createHandler(
  method: MethodEntry,
  implementation: AnyImplementation,
  middleware: ServerMiddleware<unknown> | undefined,
): UntypedHandleCall {
  const { requestStream, responseStream, path } = method.descriptor;

  // The innermost step of the middleware chain, shaped like nice-grpc's: a generator that yields
  // the responses of a streaming method or returns the response of a unary one.
  async function* callImplementation(request: unknown, context: CallContext) {
    if (isAsyncIterable(request) !== requestStream) {
      throw new Error(`a middleware passed the wrong kind of request to next() for ${path}`);
    }
    if (responseStream) {
      yield* implementation(request, context) as AsyncIterable<unknown>;
      return undefined;
    }
    return await (implementation(request, context) as Promise<unknown>);
  }

  const handler: Handler = middleware
    ? (request, context) =>
        middleware(
          {
            method: method.descriptor,
            requestStream,
            request,
            responseStream,
            next: callImplementation,
          } as Parameters<ServerMiddleware<unknown>>[0],
          context,
        )
    : callImplementation;

  if (!responseStream) {
    return ((call: UnaryCall, callback: sendUnaryData<unknown>) => {
      const { context, settle } = createCallContext(call);
      const request = requestOf(call, requestStream, context.signal);
      const finish = () => {
        settle();
        context.sendHeader();
        return toGrpcMetadata(context.trailer);
      };
      unaryResult(handler(request, context)).then(
        (response) => callback(null, response, finish()),
        (error: unknown) => callback(errorStatus(error, finish())),
      );
    }) as UntypedHandleCall;
  }

  return ((call: StreamingCall) => {
    const { context, settle } = createCallContext(call);
    const request = requestOf(call, requestStream, context.signal);
    writeResponses(handler(request, context), call, context)
      .finally(() => {
        settle();
        context.sendHeader();
      })
      .then(
        () => call.end(toGrpcMetadata(context.trailer)),
        (error: unknown) => call.emit('error', errorStatus(error, toGrpcMetadata(context.trailer))),
      );
  }) as UntypedHandleCall;
}

function requestOf(call: UnaryCall | StreamingCall, requestStream: boolean, signal: AbortSignal): unknown {
  return requestStream ? readRequests(call as Readable, signal) : (call as { request: unknown }).request;
}

/** A unary method's generator must return one message and yield none. */
async function unaryResult(generator: AsyncGenerator<unknown, unknown, undefined>): Promise<unknown> {
  let result = await generator.next();
  while (!result.done) {
    result = await generator.throw(new Error('a unary method yielded a message instead of returning it'));
  }
  if (result.value == null) throw new Error('a unary method returned no message');
  return result.value;
}

async function writeResponses(
  generator: AsyncGenerator<unknown, unknown, undefined>,
  call: Writable,
  context: CallContext,
): Promise<void> {
  let result = await generator.next();
  while (!result.done) {
    try {
      context.sendHeader();
      if (!call.write(result.value)) await drained(call, context.signal);
    } catch (error) {
      // The client went away while we waited to write: let the generator run its finally blocks.
      result = isAbortError(error) ? await generator.return(undefined) : await generator.throw(error);
      continue;
    }
    result = await generator.next();
  }
}

function createCallContext(call: SurfaceCall): { context: CallContext; settle: () => void } {
  const controller = new AbortController();
  const onCancelled = () => controller.abort();
  if (call.cancelled) controller.abort();
  else call.on('cancelled', onCancelled);

  const header = Metadata();
  let headerSent = false;
  const context: CallContext = {
    metadata: fromGrpcMetadata(call.metadata),
    peer: call.getPeer(),
    header,
    trailer: Metadata(),
    signal: controller.signal,
    sendHeader() {
      if (headerSent) return;
      headerSent = true;
      if (!isEmpty(header)) call.sendMetadata(toGrpcMetadata(header));
    },
  };
  // Once the method has finished, a late 'cancelled' (the stream closing) must not abort anything.
  return { context, settle: () => call.off('cancelled', onCancelled) };
}

/**
 * The requests of a client-streaming or bidi call as an async iterable. Node's own stream iterator
 * destroys the stream when the consumer stops early, which would end the whole duplex call.
 */
async function* readRequests(stream: Readable, signal: AbortSignal): AsyncGenerator<unknown> {
  let wake: (() => void) | undefined;
  let ended = stream.readableEnded || stream.destroyed;
  let failure: unknown;
  const notify = () => {
    const resume = wake;
    wake = undefined;
    resume?.();
  };
  const onEnd = () => {
    ended = true;
    notify();
  };
  const onError = (error: unknown) => {
    failure = error;
    onEnd();
  };
  stream.on('readable', notify).on('end', onEnd).on('close', onEnd).on('error', onError);
  try {
    while (true) {
      const message: unknown = stream.destroyed ? null : stream.read();
      if (message !== null) {
        yield message;
        continue;
      }
      if (signal.aborted) throw abortError();
      if (failure !== undefined) throw failure;
      if (ended) return;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    stream.off('readable', notify).off('end', onEnd).off('close', onEnd).off('error', onError);
  }
}

function drained(stream: Writable, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(abortError());
    const cleanup = () => {
      stream.off('drain', onDrain);
      signal.removeEventListener('abort', onAbort);
    };
    const onDrain = () => {
      cleanup();
      resolve();
    };
    const onAbort = () => {
      cleanup();
      reject(abortError());
    };
    stream.on('drain', onDrain);
    signal.addEventListener('abort', onAbort);
  });
}

function errorStatus(error: unknown, metadata: GrpcMetadata) {
  if (error instanceof ServerError) return { code: error.code, details: error.details, metadata };
  if (isAbortError(error))
    return { code: Status.CANCELLED, details: 'The operation was cancelled', metadata };
  // Services are expected to throw ServerError only; the error middleware turns the rest into INTERNAL.
  return { code: Status.UNKNOWN, details: 'Unknown server error occurred', metadata };
}

export function isAbortError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}

function abortError(): Error {
  const error = new Error('The operation was aborted');
  error.name = 'AbortError';
  return error;
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

function isEmpty(metadata: Metadata): boolean {
  for (const _ of metadata) return false;
  return true;
}

function toGrpcMetadata(metadata: Metadata): GrpcMetadata {
  const result = new GrpcMetadata();
  for (const [key, values] of metadata) {
    for (const value of values) result.add(key, typeof value === 'string' ? value : Buffer.from(value));
  }
  return result;
}

function fromGrpcMetadata(metadata: GrpcMetadata): Metadata {
  const result = Metadata();
  for (const key of Object.keys(metadata.getMap())) result.set(key, metadata.get(key));
  return result;
}

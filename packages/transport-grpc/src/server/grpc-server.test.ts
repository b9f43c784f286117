import { fromBinary } from '@bufbuild/protobuf';
import { FileDescriptorProtoSchema } from '@bufbuild/protobuf/wkt';
import { CredentialService, InferenceService, type Credential } from '@integration-api/core';
import {
  ContextCheckingTestCipher,
  FixedClock,
  InMemoryCredentialRepository,
  MapCredentialCache,
  SequentialIds,
  StaticAuthenticator,
  TestProviderRegistry,
  TestUpstreamGuard,
  testPrincipal,
} from '@integration-api/core/testing';
import { createChannel, createClient, Metadata, Status, type Channel } from 'nice-grpc';
import { HealthDefinition } from 'nice-grpc-server-health';
import { HealthCheckResponse_ServingStatus } from 'nice-grpc-server-health/lib/proto/grpc/health/v1/health.js';
import { ServerReflectionService } from 'nice-grpc-server-reflection';
import { ServerReflectionRequest } from 'nice-grpc-server-reflection/lib/proto/grpc/reflection/v1/reflection_pb.js';
import { CredentialServiceDefinition } from '../generated/integration/v1/credentials.js';
import { InferenceServiceDefinition } from '../generated/integration/v1/inference.js';
import { bindEphemeral, failureOf } from '../testing/grpc-test-helpers.js';
import { createGrpcServer, type GrpcServer } from './grpc-server.js';

const { SERVING, NOT_SERVING } = HealthCheckResponse_ServingStatus;

/** A repository whose reads fail with a message that must not reach the client. */
class BrokenRepository extends InMemoryCredentialRepository {
  override async findById(): Promise<Credential | undefined> {
    throw new Error('connection to postgres://admin:hunter2@db failed');
  }
}

async function start(onInternalError?: (error: unknown, method: string) => void) {
  const providers = new TestProviderRegistry();
  const credentials = new CredentialService({
    repository: new BrokenRepository(),
    cache: new MapCredentialCache(),
    cipher: new ContextCheckingTestCipher(),
    providers,
    upstreamGuard: new TestUpstreamGuard(),
    clock: new FixedClock(),
    ids: new SequentialIds(),
  });
  const authenticator = new StaticAuthenticator({ admin: testPrincipal() });
  const inference = new InferenceService({ credentials, providers, clock: new FixedClock() });
  const grpc = createGrpcServer({ credentials, providers, inference, authenticator, onInternalError });
  const channel = createChannel(`127.0.0.1:${await bindEphemeral(grpc.server)}`);
  return { grpc, channel };
}

describe('createGrpcServer', () => {
  let grpc: GrpcServer;
  let channel: Channel;
  const internalErrors: Array<{ error: unknown; method: string }> = [];

  beforeAll(async () => {
    ({ grpc, channel } = await start((error, method) => internalErrors.push({ error, method })));
  });

  afterAll(async () => {
    channel.close();
    await grpc.shutdown(1000);
  });

  it('answers health checks for the server and each service without a token', async () => {
    const health = createClient(HealthDefinition, channel);
    expect(grpc.serviceNames).toEqual([
      'integration.v1.CredentialService',
      'integration.v1.InferenceService',
    ]);
    await expect(health.check({ service: '' })).resolves.toEqual({ status: SERVING });
    for (const service of grpc.serviceNames) {
      await expect(health.check({ service })).resolves.toEqual({ status: SERVING });
    }
    const unknown = await failureOf((options) => health.check({ service: 'nope.Service' }, options));
    expect(unknown.code).toBe(Status.NOT_FOUND);
  });

  it('streams health changes to a watcher until it leaves', async () => {
    const health = createClient(HealthDefinition, channel);
    const seen: HealthCheckResponse_ServingStatus[] = [];
    try {
      for await (const { status } of health.watch({ service: 'integration.v1.CredentialService' })) {
        seen.push(status);
        if (status === SERVING) grpc.setServing(false);
        if (status === NOT_SERVING) break;
      }
    } finally {
      grpc.setServing(true);
    }
    expect(seen).toEqual([SERVING, NOT_SERVING]);
    await expect(health.check({ service: '' })).resolves.toEqual({ status: SERVING });
  });

  it('describes its services through server reflection', async () => {
    const reflection = createClient(ServerReflectionService, channel);
    async function* requests() {
      yield new ServerReflectionRequest().setListServices('*');
      yield new ServerReflectionRequest().setFileContainingSymbol('integration.v1.CredentialService');
      yield new ServerReflectionRequest().setFileContainingSymbol('integration.v1.InferenceService');
    }
    const [listed, ...files] = await collect(reflection.serverReflectionInfo(requests()));

    expect(
      listed
        ?.getListServicesResponse()
        ?.getServiceList()
        .map((s) => s.getName()),
    ).toEqual(['integration.v1.CredentialService', 'integration.v1.InferenceService']);
    const [credentials, inference] = files.map((file) => {
      const [bytes] = file.getFileDescriptorResponse()?.getFileDescriptorProtoList_asU8() ?? [];
      return fromBinary(FileDescriptorProtoSchema, bytes ?? new Uint8Array());
    });
    expect(credentials?.name).toBe('integration/v1/credentials.proto');
    expect(credentials?.dependency).toEqual(['google/protobuf/timestamp.proto']);
    expect(credentials?.service[0]?.method.map((m) => m.name)).toEqual(
      Object.values(CredentialServiceDefinition.methods).map((m) => m.name),
    );
    expect(inference?.name).toBe('integration/v1/inference.proto');
    expect(inference?.service[0]?.method.map((m) => m.name)).toEqual(
      Object.values(InferenceServiceDefinition.methods).map((m) => m.name),
    );
  });

  it('answers an unexpected failure with INTERNAL and a generic message, and reports it', async () => {
    const client = createClient(CredentialServiceDefinition, channel, {
      '*': { metadata: Metadata({ authorization: 'Bearer admin' }) },
    });
    const failure = await failureOf((options) => client.getCredential({ id: 'any' }, options));
    expect(failure.code).toBe(Status.INTERNAL);
    expect(failure.details).toBe('internal error');
    expect(failure.trailer?.get('x-error-code')).toBe('internal');
    expect(internalErrors).toEqual([
      { error: expect.any(Error), method: '/integration.v1.CredentialService/GetCredential' },
    ]);
  });
});

describe('GrpcServer.shutdown', () => {
  it('reports NOT_SERVING and ends even while a watch stream stays open', async () => {
    const { grpc, channel } = await start();
    const health = createClient(HealthDefinition, channel);
    const statuses: HealthCheckResponse_ServingStatus[] = [];
    let shutdown: Promise<void> | undefined;
    const watching = (async () => {
      for await (const { status } of health.watch({ service: '' })) {
        statuses.push(status);
        shutdown ??= grpc.shutdown(200);
      }
    })().catch((error: unknown) => error);

    await watching;
    await shutdown;
    channel.close();
    expect(statuses).toEqual([SERVING, NOT_SERVING]);
    expect(grpc.health.getStatus('')).toBe('unhealthy');
  });
});

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

import { CredentialService, InferenceService } from '@integration-api/core';
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
import {
  CredentialServiceDefinition,
  CredentialStatus,
  FieldFormat,
  type CredentialServiceClient,
} from '../generated/integration/v1/credentials.js';
import { createGrpcServer, type GrpcServer } from '../server/grpc-server.js';
import { bindEphemeral, failureOf, type CallFailure } from '../testing/grpc-test-helpers.js';

const GOOD_KEY = 'good-key-0123456789abcd';
const BAD_KEY = 'bad-key-0123456789wxyz';

describe('integration.v1.CredentialService over gRPC', () => {
  let grpc: GrpcServer;
  let channel: Channel;
  let providers: TestProviderRegistry;

  const clientFor = (token?: string): CredentialServiceClient =>
    createClient(CredentialServiceDefinition, channel, {
      '*': token ? { metadata: Metadata({ authorization: `Bearer ${token}` }) } : {},
    });
  let admin: CredentialServiceClient;

  beforeAll(async () => {
    providers = new TestProviderRegistry();
    const credentials = new CredentialService({
      repository: new InMemoryCredentialRepository(),
      cache: new MapCredentialCache(),
      cipher: new ContextCheckingTestCipher(),
      providers,
      upstreamGuard: new TestUpstreamGuard(),
      clock: new FixedClock(),
      ids: new SequentialIds(),
    });
    const authenticator = new StaticAuthenticator({
      admin: testPrincipal(),
      reader: testPrincipal({ scopes: ['credentials:read'] }),
      'other-tenant': testPrincipal({ organizationId: 'org-b' }),
    });
    const inference = new InferenceService({ credentials, providers, clock: new FixedClock() });
    grpc = createGrpcServer({ credentials, providers, inference, authenticator });
    channel = createChannel(`127.0.0.1:${await bindEphemeral(grpc.server)}`);
    admin = clientFor('admin');
  });

  afterAll(async () => {
    channel.close();
    await grpc.shutdown(1000);
  });

  let nameCounter = 0;
  const uniqueName = () => `key-${++nameCounter}`;

  const expectFailure = (failure: CallFailure, code: Status, errorCode: string, field?: string) => {
    expect({
      code: Status[failure.code],
      errorCode: failure.trailer?.get('x-error-code'),
      field: failure.trailer?.get('x-error-field'),
    }).toEqual({ code: Status[code], errorCode, field });
  };

  it('creates a verified credential from an api_key and never returns the secret', async () => {
    const created = await admin.createCredential({
      provider: 'openai',
      name: 'prod',
      secret: { apiKey: GOOD_KEY },
      config: { baseUrl: 'https://api.example.com/v1' },
    });
    expect(created).toMatchObject({
      provider: 'openai',
      name: 'prod',
      hint: '…abcd',
      config: { baseUrl: 'https://api.example.com/v1' },
      status: CredentialStatus.CREDENTIAL_STATUS_ACTIVE,
      lastVerifiedAt: new Date('2026-01-01T00:00:00Z'),
      lastVerificationError: '',
      version: 1,
    });
    expect(created.createdAt).toBeInstanceOf(Date);
    expect(JSON.stringify(created)).not.toContain(GOOD_KEY);
    expect(providers.verifications.at(-1)?.secret).toEqual({ apiKey: GOOD_KEY });
  });

  it('accepts the secret as named fields', async () => {
    const created = await admin.createCredential({
      provider: 'openai',
      name: uniqueName(),
      secret: { fields: { apiKey: GOOD_KEY } },
    });
    expect(created.hint).toBe('…abcd');
  });

  it('gets, updates, verifies and deletes a credential', async () => {
    const created = await admin.createCredential({
      provider: 'openai',
      name: uniqueName(),
      secret: { apiKey: BAD_KEY },
      verify: false,
    });
    expect(created.status).toBe(CredentialStatus.CREDENTIAL_STATUS_UNVERIFIED);
    expect(created.lastVerifiedAt).toBeUndefined();
    await expect(admin.getCredential({ id: created.id })).resolves.toEqual(created);

    const renamed = await admin.updateCredential({ id: created.id, name: 'renamed', expectedVersion: 1 });
    expect(renamed).toMatchObject({ name: 'renamed', version: 2, hint: created.hint });

    // A refusal by the provider is a result, not an error.
    const verified = await admin.verifyCredential({ id: created.id });
    expect(verified).toMatchObject({
      status: CredentialStatus.CREDENTIAL_STATUS_INVALID,
      lastVerificationError: 'Incorrect API key provided',
      version: 3,
    });

    const rotated = await admin.updateCredential({
      id: created.id,
      secret: { apiKey: GOOD_KEY },
      config: { values: { baseUrl: 'https://proxy.example.com' } },
    });
    expect(rotated).toMatchObject({
      status: CredentialStatus.CREDENTIAL_STATUS_ACTIVE,
      hint: '…abcd',
      config: { baseUrl: 'https://proxy.example.com' },
      version: 4,
    });

    await expect(admin.deleteCredential({ id: created.id, expectedVersion: 4 })).resolves.toEqual({});
    expectFailure(
      await failureOf((options) => admin.getCredential({ id: created.id }, options)),
      Status.NOT_FOUND,
      'not_found',
    );
  });

  it('lists page by page, filtered by provider', async () => {
    const all = await admin.listCredentials({ pageSize: 100 });
    expect(all.nextPageToken).toBe('');
    expect(all.credentials.length).toBeGreaterThanOrEqual(2);

    const first = await admin.listCredentials({ pageSize: 1, provider: 'openai' });
    expect(first.credentials).toHaveLength(1);
    expect(first.nextPageToken).not.toBe('');
    const second = await admin.listCredentials({ pageSize: 1, pageToken: first.nextPageToken });
    expect(second.credentials[0]?.id).not.toBe(first.credentials[0]?.id);
    expect(all.credentials.map((c) => c.id).slice(0, 2)).toEqual([
      first.credentials[0]?.id,
      second.credentials[0]?.id,
    ]);
  });

  it('lists the providers and the fields their credentials take', async () => {
    const { providers: listed } = await admin.listProviders({});
    expect(listed).toEqual([
      expect.objectContaining({
        id: 'openai',
        hintField: 'apiKey',
        capabilities: expect.objectContaining({ verify: true, chat: false }),
        secretFields: [expect.objectContaining({ name: 'apiKey', required: true })],
        configFields: [
          expect.objectContaining({ name: 'baseUrl', format: FieldFormat.FIELD_FORMAT_URL, required: false }),
        ],
      }),
    ]);
  });

  describe('errors, with x-error-code and x-error-field in the trailer', () => {
    it('is UNAUTHENTICATED without an authorization header', async () => {
      const anonymous = clientFor(undefined);
      const failure = await failureOf((options) => anonymous.listCredentials({}, options));
      expectFailure(failure, Status.UNAUTHENTICATED, 'unauthenticated');
    });

    it('is UNAUTHENTICATED with an unknown token', async () => {
      const failure = await failureOf((options) => clientFor('nobody').listProviders({}, options));
      expectFailure(failure, Status.UNAUTHENTICATED, 'unauthenticated');
    });

    it('is PERMISSION_DENIED when the token lacks the scope', async () => {
      const reader = clientFor('reader');
      await expect(reader.listCredentials({})).resolves.toBeDefined();
      const failure = await failureOf((options) =>
        reader.createCredential(
          { provider: 'openai', name: uniqueName(), secret: { apiKey: GOOD_KEY } },
          options,
        ),
      );
      expectFailure(failure, Status.PERMISSION_DENIED, 'permission_denied');
      expect(failure.details).toContain('credentials:write');
    });

    it("is NOT_FOUND for another tenant's credential", async () => {
      const created = await admin.createCredential({
        provider: 'openai',
        name: uniqueName(),
        secret: { apiKey: GOOD_KEY },
      });
      const other = clientFor('other-tenant');
      expectFailure(
        await failureOf((options) => other.getCredential({ id: created.id }, options)),
        Status.NOT_FOUND,
        'not_found',
      );
      expectFailure(
        await failureOf((options) => other.deleteCredential({ id: created.id }, options)),
        Status.NOT_FOUND,
        'not_found',
      );
      expect((await other.listCredentials({})).credentials).toEqual([]);
    });

    it('is INVALID_ARGUMENT naming the field', async () => {
      const create = (request: Parameters<CredentialServiceClient['createCredential']>[0]) =>
        failureOf((options) => admin.createCredential(request, options));

      expectFailure(
        await create({ provider: 'openai', name: 'no spaces allowed', secret: { apiKey: GOOD_KEY } }),
        Status.INVALID_ARGUMENT,
        'invalid_argument',
        'name',
      );
      expectFailure(
        await create({ provider: 'nope', name: uniqueName(), secret: { apiKey: GOOD_KEY } }),
        Status.INVALID_ARGUMENT,
        'invalid_argument',
        'provider',
      );
      expectFailure(
        await create({ provider: 'openai', name: uniqueName(), secret: { fields: {} } }),
        Status.INVALID_ARGUMENT,
        'invalid_argument',
        'secret.apiKey',
      );
      expectFailure(
        await create({
          provider: 'openai',
          name: uniqueName(),
          secret: { apiKey: GOOD_KEY, fields: { apiKey: GOOD_KEY } },
        }),
        Status.INVALID_ARGUMENT,
        'invalid_argument',
        'secret',
      );
      expectFailure(
        await create({
          provider: 'openai',
          name: uniqueName(),
          secret: { apiKey: GOOD_KEY },
          config: { baseUrl: 'https://private.test/v1' },
        }),
        Status.INVALID_ARGUMENT,
        'invalid_argument',
        'config.baseUrl',
      );
      expectFailure(
        await failureOf((options) => admin.listCredentials({ pageSize: 101 }, options)),
        Status.INVALID_ARGUMENT,
        'invalid_argument',
        'page_size',
      );
      expectFailure(
        await failureOf((options) => admin.listCredentials({ pageToken: 'bogus' }, options)),
        Status.INVALID_ARGUMENT,
        'invalid_argument',
        'page_token',
      );
      expectFailure(
        await failureOf((options) => admin.getCredential({ id: '' }, options)),
        Status.INVALID_ARGUMENT,
        'invalid_argument',
        'id',
      );
    });

    it('never echoes a secret in an error', async () => {
      const secret = 'sk-this-must-not-leak ';
      const failure = await failureOf((options) =>
        admin.createCredential(
          { provider: 'openai', name: uniqueName(), secret: { apiKey: secret } },
          options,
        ),
      );
      expectFailure(failure, Status.INVALID_ARGUMENT, 'invalid_argument', 'secret.apiKey');
      expect(failure.details).not.toContain('must-not-leak');
    });

    it('is ALREADY_EXISTS for a name taken in the project', async () => {
      const name = uniqueName();
      await admin.createCredential({ provider: 'openai', name, secret: { apiKey: GOOD_KEY } });
      const failure = await failureOf((options) =>
        admin.createCredential({ provider: 'openai', name, secret: { apiKey: GOOD_KEY } }, options),
      );
      expectFailure(failure, Status.ALREADY_EXISTS, 'conflict', 'name');
    });

    it('is ABORTED when the expected version is stale', async () => {
      const created = await admin.createCredential({
        provider: 'openai',
        name: uniqueName(),
        secret: { apiKey: GOOD_KEY },
      });
      await admin.updateCredential({ id: created.id, name: uniqueName() });
      expectFailure(
        await failureOf((options) =>
          admin.updateCredential({ id: created.id, name: uniqueName(), expectedVersion: 1 }, options),
        ),
        Status.ABORTED,
        'version_mismatch',
      );
      expectFailure(
        await failureOf((options) => admin.deleteCredential({ id: created.id, expectedVersion: 1 }, options)),
        Status.ABORTED,
        'version_mismatch',
      );
    });

    it('is FAILED_PRECONDITION when the provider refuses the credential, and stores nothing', async () => {
      const name = uniqueName();
      const failure = await failureOf((options) =>
        admin.createCredential({ provider: 'openai', name, secret: { apiKey: BAD_KEY } }, options),
      );
      expectFailure(failure, Status.FAILED_PRECONDITION, 'verification_failed');
      expect(failure.details).toContain('Incorrect API key provided');
      const { credentials } = await admin.listCredentials({ pageSize: 100 });
      expect(credentials.map((c) => c.name)).not.toContain(name);
    });
  });
});

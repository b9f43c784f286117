import { Server } from '@grpc/grpc-js';
import {
  createChannel,
  createClient,
  Metadata,
  ServerError,
  Status,
  type CallContext,
  type Channel,
  type MethodDefinition,
  type ServerMiddleware,
  type ServiceImplementation,
} from 'nice-grpc';
import { bindEphemeral, failureOf } from '../testing/grpc-test-helpers.js';
import { addService, serviceNameOf } from './add-service.js';

// A test-only service with JSON messages, one method of each kind.
function method<Req, Res, ReqStream extends boolean, ResStream extends boolean>(
  name: string,
  requestStream: ReqStream,
  responseStream: ResStream,
): MethodDefinition<Req, Req, Res, Res, ReqStream, ResStream> {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value));
  const decode = (bytes: Uint8Array) => JSON.parse(Buffer.from(bytes).toString()) as never;
  return {
    path: `/test.v1.Test/${name}`,
    requestStream,
    responseStream,
    requestSerialize: encode,
    requestDeserialize: decode,
    responseSerialize: encode,
    responseDeserialize: decode,
    options: {},
  };
}

interface Num {
  n: number;
}
interface Text {
  text: string;
}

const TestDefinition = {
  echo: method<Text, Text, false, false>('Echo', false, false),
  count: method<Num, Num, false, true>('Count', false, true),
  sum: method<Num, Num, true, false>('Sum', true, false),
  shout: method<Text, Text, true, true>('Shout', true, true),
} as const;

interface UserContext {
  user: string;
}

/** Reads `x-user` metadata into the context, as the auth middleware does with the principal. */
const userMiddleware: ServerMiddleware<UserContext> = async function* (call, context) {
  const user = context.metadata.get('x-user') ?? 'anonymous';
  return yield* call.next(call.request, { ...context, user });
};

function waitForAbort(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) =>
    signal.addEventListener('abort', () =>
      reject(Object.assign(new Error('aborted'), { name: 'AbortError' })),
    ),
  );
}

describe('addService', () => {
  let server: Server;
  let channel: Channel;
  let client: ReturnType<typeof createClient<typeof TestDefinition>>;
  let countEnded: Promise<{ aborted: boolean }>;

  beforeAll(async () => {
    let reportCountEnded!: (result: { aborted: boolean }) => void;
    countEnded = new Promise((resolve) => (reportCountEnded = resolve));

    const implementation: ServiceImplementation<typeof TestDefinition, UserContext> = {
      async echo(request: Text, context: CallContext & UserContext) {
        if (request.text === 'refuse')
          throw new ServerError(Status.FAILED_PRECONDITION, 'refused on purpose');
        if (request.text === 'crash') throw new Error('a secret detail');
        context.header.set('x-header', 'h');
        context.trailer.set('x-trailer', 't');
        return { text: `${context.user}: ${request.text}` };
      },
      async *count(request: Num, context: CallContext) {
        try {
          for (let n = 0; n < request.n; n++) yield { n };
          // A stream that only ends when the client cancels it, like a long completion.
          await waitForAbort(context.signal);
        } finally {
          reportCountEnded({ aborted: context.signal.aborted });
        }
      },
      async sum(requests: AsyncIterable<Num>) {
        let total = 0;
        for await (const { n } of requests) total += n;
        return { n: total };
      },
      async *shout(requests: AsyncIterable<Text>) {
        for await (const { text } of requests) yield { text: text.toUpperCase() };
      },
    };

    server = new Server();
    addService(server, TestDefinition, implementation, userMiddleware);
    const port = await bindEphemeral(server);
    channel = createChannel(`127.0.0.1:${port}`);
    client = createClient(TestDefinition, channel);
  });

  afterAll(() => {
    channel.close();
    server.forceShutdown();
  });

  it('serves a unary call through the middleware, with header and trailer metadata', async () => {
    const header: Record<string, unknown> = {};
    const trailer: Record<string, unknown> = {};
    const response = await client.echo(
      { text: 'hi' },
      {
        metadata: Metadata({ 'x-user': 'ada' }),
        onHeader: (m) => (header['x-header'] = m.get('x-header')),
        onTrailer: (m) => (trailer['x-trailer'] = m.get('x-trailer')),
      },
    );
    expect(response).toEqual({ text: 'ada: hi' });
    expect(header).toEqual({ 'x-header': 'h' });
    expect(trailer).toEqual({ 'x-trailer': 't' });
  });

  it('answers with the status of a ServerError', async () => {
    const failure = await failureOf((options) => client.echo({ text: 'refuse' }, options));
    expect(failure).toMatchObject({ code: Status.FAILED_PRECONDITION, details: 'refused on purpose' });
  });

  it('answers any other error with UNKNOWN and a generic message', async () => {
    const failure = await failureOf((options) => client.echo({ text: 'crash' }, options));
    expect(failure.code).toBe(Status.UNKNOWN);
    expect(failure.details).not.toContain('secret');
  });

  it('streams responses and aborts the server side when the client cancels', async () => {
    const received: number[] = [];
    for await (const { n } of client.count({ n: 3 })) {
      received.push(n);
      if (received.length === 3) break; // leaving the loop cancels the call
    }
    expect(received).toEqual([0, 1, 2]);
    await expect(countEnded).resolves.toEqual({ aborted: true });
  });

  it('reads a client stream', async () => {
    async function* numbers() {
      yield { n: 1 };
      yield { n: 2 };
      yield { n: 39 };
    }
    await expect(client.sum(numbers())).resolves.toEqual({ n: 42 });
  });

  it('serves a bidirectional stream', async () => {
    async function* words() {
      yield { text: 'one' };
      yield { text: 'two' };
    }
    const replies: string[] = [];
    for await (const { text } of client.shout(words())) replies.push(text);
    expect(replies).toEqual(['ONE', 'TWO']);
  });

  it('names a service by the path of its methods', () => {
    expect(serviceNameOf(TestDefinition)).toBe('test.v1.Test');
  });
});

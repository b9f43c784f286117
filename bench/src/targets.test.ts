import { chatRequest, embedRequest, peerFromEnv } from './targets.js';

describe('peerFromEnv', () => {
  it('skips the peer, saying why, when none is configured or it is not local', () => {
    expect(peerFromEnv({}, 'http://127.0.0.1:1')).toEqual({ skipped: 'BENCH_PEER_URL is not set' });
    expect(peerFromEnv({ BENCH_PEER_URL: 'https://gateway.example.com/v1' }, 'x')).toMatchObject({
      skipped: expect.stringContaining('127.0.0.1'),
    });
    expect(
      peerFromEnv({ BENCH_PEER_URL: 'http://127.0.0.1:8787/v1', BENCH_PEER_HEADERS: '[1]' }, 'x'),
    ).toMatchObject({
      skipped: expect.stringContaining('JSON object'),
    });
  });

  it('points the peer at the mock through {mock} in its headers', () => {
    const peer = peerFromEnv(
      {
        BENCH_PEER_URL: 'http://127.0.0.1:8787/v1/',
        BENCH_PEER_HEADERS: '{"x-portkey-custom-host":"{mock}/v1","x-portkey-provider":"openai"}',
      },
      'http://127.0.0.1:4010',
    );
    expect(peer).toMatchObject({
      baseUrl: 'http://127.0.0.1:8787/v1',
      headers: { 'x-portkey-custom-host': 'http://127.0.0.1:4010/v1', 'x-portkey-provider': 'openai' },
    });
  });
});

describe('requests', () => {
  const endpoint = {
    baseUrl: 'http://svc/v1',
    headers: { authorization: 'Bearer t' },
    model: (m: string) => `bench/${m}`,
  };

  it('sends the same chat to every target, with the model each expects', () => {
    const request = chatRequest(endpoint, true);
    expect(request.url).toBe('http://svc/v1/chat/completions');
    expect(JSON.parse(request.body!)).toEqual({
      model: 'bench/gpt-4o-mini',
      messages: [{ role: 'user', content: 'Say hello.' }],
      stream: true,
    });
    expect(JSON.parse(embedRequest(endpoint).body!)).toMatchObject({ model: 'bench/text-embedding-3-small' });
  });
});

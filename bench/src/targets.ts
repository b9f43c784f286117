import type { HttpRequestSpec } from './http-load.js';

/** How to reach an OpenAI-compatible endpoint: base URL (`…/v1`), headers, and how it names the model. */
export interface OpenAiEndpoint {
  readonly baseUrl: string;
  readonly headers: Readonly<Record<string, string>>;
  /** The `model` value it expects for the provider model `gpt-4o-mini`. */
  readonly model: (providerModel: string) => string;
}

export const CHAT_MODEL = 'gpt-4o-mini';
export const EMBED_MODEL = 'text-embedding-3-small';
export const PROMPT = 'Say hello.';
export const EMBED_INPUTS = ['The quick brown fox jumps over the lazy dog.'];

export function chatRequest(endpoint: OpenAiEndpoint, stream: boolean): HttpRequestSpec {
  return {
    url: `${endpoint.baseUrl}/chat/completions`,
    headers: endpoint.headers,
    body: JSON.stringify({
      model: endpoint.model(CHAT_MODEL),
      messages: [{ role: 'user', content: PROMPT }],
      ...(stream ? { stream: true } : {}),
    }),
  };
}

export function embedRequest(endpoint: OpenAiEndpoint): HttpRequestSpec {
  return {
    url: `${endpoint.baseUrl}/embeddings`,
    headers: endpoint.headers,
    body: JSON.stringify({ model: endpoint.model(EMBED_MODEL), input: EMBED_INPUTS }),
  };
}

/**
 * The peer gateway from the environment: `BENCH_PEER_URL` (its OpenAI base URL, `…/v1`) and
 * `BENCH_PEER_HEADERS` (a JSON object; `{mock}` in a value becomes the mock provider's origin, so
 * the peer can be told where the provider is). Returns the reason when there is no usable peer.
 */
export function peerFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  mockOrigin: string,
): OpenAiEndpoint | { readonly skipped: string } {
  const url = env.BENCH_PEER_URL?.trim();
  if (!url) return { skipped: 'BENCH_PEER_URL is not set' };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { skipped: 'BENCH_PEER_URL is not a URL' };
  }
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname)) {
    return { skipped: 'BENCH_PEER_URL must point at this machine (127.0.0.1)' };
  }
  let headers: Record<string, string> = {};
  const raw = env.BENCH_PEER_HEADERS?.trim();
  if (raw) {
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      return { skipped: 'BENCH_PEER_HEADERS is not JSON' };
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return { skipped: 'BENCH_PEER_HEADERS must be a JSON object of header names to values' };
    }
    headers = Object.fromEntries(
      Object.entries(value).map(([name, v]) => [name, String(v).replaceAll('{mock}', mockOrigin)]),
    );
  }
  return { baseUrl: url.replace(/\/+$/, ''), headers, model: (m) => m };
}

/** Sends the request once and checks the answer is the mock's, so no phase measures errors. */
export async function checkAnswers(spec: HttpRequestSpec, kind: 'chat' | 'stream' | 'embed'): Promise<void> {
  const response = await fetch(spec.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...spec.headers },
    body: spec.body,
  });
  const text = await response.text();
  if (response.status !== 200)
    throw new Error(`${spec.url} answered ${response.status}: ${text.slice(0, 300)}`);
  const expected =
    kind === 'embed' ? '"embedding"' : kind === 'stream' ? 'data: [DONE]' : 'Hello from the mock provider.';
  if (!text.includes(expected))
    throw new Error(`${spec.url} did not answer as the mock: ${text.slice(0, 300)}`);
}

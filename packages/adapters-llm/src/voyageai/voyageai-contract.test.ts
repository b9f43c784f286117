import type { OutgoingHttpHeaders } from 'node:http';
import {
  CONTRACT_EMBED_INPUT_TOKENS,
  CONTRACT_EMBEDDINGS,
  CONTRACT_RERANK_RESULTS,
  CONTRACT_RERANK_USAGE,
  json,
  runAdapterContract,
  type ExpectedRequest,
} from '../testing/index.js';
import { createVoyageaiAdapter } from './voyageai-adapter.js';

/**
 * The shared adapter contract, against a mock speaking Voyage AI's API. Voyage has no chat: its
 * errors, timeouts and cancellation go through embeddings.
 */

const API_KEY = 'pa-contract-Zq8bT2mX4kP7vN1cR5wY9hJ3fL6dA0sE';
const HEADERS = { authorization: `Bearer ${API_KEY}` };
const EMBED = { method: 'POST', path: '/v1/embeddings' };
const RERANK = { method: 'POST', path: '/v1/rerank' };

/** Voyage's errors are `{detail}`. */
const errorReply = (status: number, message: string, headers: OutgoingHttpHeaders = {}) =>
  json(status, { detail: message }, headers);

const request = (path: string, body: unknown): ExpectedRequest => ({
  method: 'POST',
  path,
  query: {},
  headers: { ...HEADERS, 'content-type': 'application/json' },
  body,
});
const embeddingList = (vectors: readonly (readonly number[])[], model: string, tokens: number) => ({
  object: 'list',
  data: vectors.map((embedding, index) => ({ object: 'embedding', embedding, index })),
  model,
  usage: { total_tokens: tokens },
});

runAdapterContract({
  name: 'Voyage AI',
  provider: 'voyageai',
  createAdapter: (clients) => createVoyageaiAdapter({ clients, timeoutMs: 500 }),
  credential: (mock) => ({ secret: { apiKey: API_KEY }, config: { baseUrl: mock.urlFor('/v1') } }),
  routes: { embed: EMBED, rerank: RERANK },
  errorReply,
  cases: {
    embeddings: {
      reply: json(
        200,
        embeddingList(CONTRACT_EMBEDDINGS, 'contract-embedding-model', CONTRACT_EMBED_INPUT_TOKENS),
      ),
      expect: request(EMBED.path, {
        input: ['first text', 'second text'],
        model: 'contract-embedding-model',
        output_dimension: 3,
        output_dtype: 'float',
      }),
    },
    rerank: {
      reply: json(200, {
        object: 'list',
        data: CONTRACT_RERANK_RESULTS.map((item) => ({
          relevance_score: item.relevanceScore,
          index: item.index,
        })),
        model: 'contract-rerank-model',
        usage: { total_tokens: CONTRACT_RERANK_USAGE.inputTokens },
      }),
      expect: request(RERANK.path, {
        query: 'Which city is the capital of Italy?',
        documents: [
          'Paris is the capital of France.',
          'Berlin is the capital of Germany.',
          'Rome is the capital of Italy.',
        ],
        model: 'contract-rerank-model',
        top_k: 2,
        return_documents: false,
      }),
      // Voyage bills reranking in tokens.
      usageFields: ['inputTokens'],
    },
    verify: {
      // No key-check endpoint: the cheapest embedding of one short text.
      ok: {
        reply: json(200, embeddingList([[0.1, 0.2]], 'voyage-4-lite', 1)),
        expect: request(EMBED.path, { input: ['ping'], model: 'voyage-4-lite', output_dtype: 'float' }),
      },
      refused: { reply: errorReply(401, 'Provided API key is invalid.') },
    },
  },
});

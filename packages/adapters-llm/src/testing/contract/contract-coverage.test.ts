import type { Capabilities, ProviderAdapter } from '@integration-api/core';
import type { AdapterContractFixture, ContractCase } from './chat-contract-fixture.js';
import { contractCoverage, offeredOperations } from './contract-coverage.js';

const NONE: Capabilities = {
  chat: false,
  streaming: false,
  tools: false,
  vision: false,
  embeddings: false,
  rerank: false,
  verify: false,
};
const kase: ContractCase = { reply: () => undefined, expect: { method: 'POST', path: '/x' } };
const route = { method: 'POST', path: '/x' };
const failing = { reply: () => undefined };

function fixture(
  routes: AdapterContractFixture['routes'],
  cases: AdapterContractFixture['cases'],
): AdapterContractFixture {
  return {
    name: 'test',
    provider: 'openai',
    createAdapter: () => ({ spec: {} as ProviderAdapter['spec'] }),
    credential: () => ({ secret: {}, config: {} }),
    errorReply: () => () => undefined,
    routes,
    cases,
  };
}

describe('contractCoverage', () => {
  it('accepts a fixture with exactly the cases of the declared capabilities', () => {
    const coverage = contractCoverage(
      { ...NONE, embeddings: true, rerank: true, verify: true },
      fixture(
        { embed: route, rerank: route },
        {
          embeddings: kase,
          rerank: { ...kase, usageFields: [] },
          verify: { ok: kase, refused: { reply: kase.reply } },
        },
      ),
    );
    expect(coverage).toEqual({ missing: [], undeclared: [] });
  });

  it('names each case and route a declared capability lacks', () => {
    const coverage = contractCoverage(
      { ...NONE, chat: true, streaming: true, tools: true, rerank: true },
      fixture({ chat: route }, { text: kase, toolCall: kase }),
    );
    expect(coverage.missing).toEqual([
      'chat: cases.usage',
      'streaming: cases.streamText',
      'streaming: cases.midStreamError',
      'streaming: cases.truncatedStream',
      'streaming: cases.stalledStream',
      'streaming: routes.stream',
      'tools: cases.parallelToolCalls',
      'tools: cases.toolResults',
      'rerank: cases.rerank',
      'rerank: routes.rerank',
    ]);
  });

  it('asks no streamed parallel tool calls of a provider that does not stream', () => {
    const coverage = contractCoverage(
      { ...NONE, chat: true, tools: true },
      fixture(
        { chat: route },
        { text: kase, usage: { ...kase, fields: [] }, toolCall: kase, toolResults: kase },
      ),
    );
    expect(coverage).toEqual({ missing: [], undeclared: [] });
  });

  it('names the cases of capabilities the spec does not declare, which would not run', () => {
    const coverage = contractCoverage(
      { ...NONE, chat: true, streaming: true },
      fixture(
        { chat: route, stream: route },
        {
          text: kase,
          usage: { ...kase, fields: [] },
          streamText: kase,
          midStreamError: failing,
          truncatedStream: failing,
          stalledStream: failing,
          parallelToolCalls: kase,
          vision: kase,
        },
      ),
    );
    expect(coverage).toEqual({
      missing: [],
      undeclared: ['tools with streaming: cases.parallelToolCalls', 'vision: cases.vision'],
    });
  });
});

describe('offeredOperations', () => {
  it('tells which capability methods an adapter has', () => {
    const adapter: ProviderAdapter = {
      spec: {} as ProviderAdapter['spec'],
      embed: () => Promise.reject(new Error('unused')),
      verify: () => Promise.resolve({ ok: true }),
    };
    expect(offeredOperations(adapter)).toEqual({
      chat: false,
      streaming: false,
      embeddings: true,
      rerank: false,
      verify: true,
    });
  });
});

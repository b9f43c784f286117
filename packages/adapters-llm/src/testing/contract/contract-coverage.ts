import type { Capabilities, ProviderAdapter } from '@integration-api/core';
import type { AdapterContractFixture } from './chat-contract-fixture.js';

export type Capability = keyof Capabilities;

/** Every capability, in the capability matrix's order. */
export const CONTRACT_CAPABILITIES: readonly Capability[] = [
  'chat',
  'streaming',
  'tools',
  'vision',
  'embeddings',
  'rerank',
  'verify',
];

type Cases = AdapterContractFixture['cases'];
type Routes = AdapterContractFixture['routes'];

/** What a fixture must hold for each capability: the cases the suite runs and the routes it scripts. */
export function requiredParts(
  capability: Capability,
  capabilities: Capabilities,
): { readonly cases: readonly (keyof Cases)[]; readonly routes: readonly (keyof Routes)[] } {
  switch (capability) {
    case 'chat':
      return { cases: ['text', 'usage'], routes: ['chat'] };
    case 'streaming':
      return {
        cases: ['streamText', 'midStreamError', 'truncatedStream', 'stalledStream'],
        routes: ['stream'],
      };
    case 'tools':
      // Parallel calls are checked in a stream, so only a streaming provider owes that case.
      return {
        cases: capabilities.streaming
          ? ['toolCall', 'parallelToolCalls', 'toolResults']
          : ['toolCall', 'toolResults'],
        routes: [],
      };
    case 'vision':
      return { cases: ['vision'], routes: [] };
    case 'embeddings':
      return { cases: ['embeddings'], routes: ['embed'] };
    case 'rerank':
      return { cases: ['rerank'], routes: ['rerank'] };
    case 'verify':
      return { cases: ['verify'], routes: [] };
  }
}

export interface ContractCoverage {
  /** `capability: cases.x` / `capability: routes.y` the spec declares but the fixture lacks. */
  readonly missing: readonly string[];
  /** Cases and routes the fixture holds for capabilities the spec does not declare. */
  readonly undeclared: readonly string[];
}

/** The capability each case belongs to. */
const CASE_CAPABILITY: Readonly<Partial<Record<keyof Cases, string>>> = {
  text: 'chat',
  usage: 'chat',
  streamText: 'streaming',
  midStreamError: 'streaming',
  truncatedStream: 'streaming',
  stalledStream: 'streaming',
  toolCall: 'tools',
  parallelToolCalls: 'tools with streaming',
  toolResults: 'tools',
  vision: 'vision',
  embeddings: 'embeddings',
  rerank: 'rerank',
  verify: 'verify',
};

/**
 * Compares a fixture with the capabilities the adapter declares. The suite runs a capability's
 * cases exactly when it is declared, so a declared capability without its cases would go
 * untested, and a case for an undeclared one would silently not run: both are reported.
 */
export function contractCoverage(
  capabilities: Capabilities,
  fixture: AdapterContractFixture,
): ContractCoverage {
  const missing: string[] = [];
  const wanted = new Set<string>();
  for (const capability of CONTRACT_CAPABILITIES) {
    if (!capabilities[capability]) continue;
    const parts = requiredParts(capability, capabilities);
    for (const name of parts.cases) {
      wanted.add(`cases.${name}`);
      if (fixture.cases[name] === undefined) missing.push(`${capability}: cases.${name}`);
    }
    for (const name of parts.routes) {
      wanted.add(`routes.${name}`);
      if (fixture.routes[name] === undefined) missing.push(`${capability}: routes.${name}`);
    }
  }

  // Whatever case no declared capability asks for would not run: name the capability it belongs to.
  const undeclared = (Object.keys(fixture.cases) as (keyof Cases)[])
    .filter((name) => fixture.cases[name] !== undefined && !wanted.has(`cases.${name}`))
    .map((name) => `${CASE_CAPABILITY[name] ?? 'no capability'}: cases.${name}`);
  return { missing, undeclared };
}

/** The adapter method behind each capability that has one (tools and vision are parts of chat). */
export const CAPABILITY_METHODS = {
  chat: 'chat',
  streaming: 'streamChat',
  embeddings: 'embed',
  rerank: 'rerank',
  verify: 'verify',
} as const satisfies Partial<Record<Capability, keyof ProviderAdapter>>;

/** For each capability with a method: whether the adapter offers it. */
export function offeredOperations(
  adapter: ProviderAdapter,
): Record<keyof typeof CAPABILITY_METHODS, boolean> {
  const entries = Object.entries(CAPABILITY_METHODS).map(([capability, method]) => [
    capability,
    typeof adapter[method] === 'function',
  ]);
  return Object.fromEntries(entries) as Record<keyof typeof CAPABILITY_METHODS, boolean>;
}

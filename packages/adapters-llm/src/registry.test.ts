import { PROVIDER_IDS, type ProviderSpec } from '@integration-api/core';
import { UpstreamClients } from './http/upstream-clients.js';
import { createProviderRegistry } from './registry.js';

describe('createProviderRegistry', () => {
  const clients = new UpstreamClients();
  const registry = createProviderRegistry({ clients });
  afterAll(() => clients.close());

  it('has one adapter for every provider id, in catalog order', () => {
    expect(registry.list().map((adapter) => adapter.spec.id)).toEqual([...PROVIDER_IDS]);
    for (const id of PROVIDER_IDS) expect(registry.get(id)?.spec.id).toBe(id);
  });

  it('knows nothing of other ids', () => {
    expect(registry.get('nope' as never)).toBeUndefined();
    expect(registry.get('__proto__' as never)).toBeUndefined();
  });

  it.each(PROVIDER_IDS)('%s exposes verify exactly when its spec claims the capability', (id) => {
    const adapter = registry.get(id)!;
    expect(typeof adapter.verify === 'function').toBe(adapter.spec.capabilities.verify);
  });

  it('claims no capability beyond verification yet, and verification only for OpenAI', () => {
    const claimed = registry.list().flatMap(({ spec }) =>
      Object.entries(spec.capabilities)
        .filter(([, on]) => on)
        .map(([capability]) => `${spec.id}:${capability}`),
    );
    expect(claimed).toEqual(['openai:verify']);
  });

  it.each(PROVIDER_IDS)('%s declares a coherent credential shape', (id) => {
    const spec: ProviderSpec = registry.get(id)!.spec;
    expect(spec.displayName).not.toBe('');
    const secretNames = spec.secretFields.map((field) => field.name);
    const configNames = spec.configFields.map((field) => field.name);
    expect(new Set(secretNames).size).toBe(secretNames.length);
    expect(new Set(configNames).size).toBe(configNames.length);
    expect(secretNames.filter((name) => configNames.includes(name))).toEqual([]);
    // The hint comes from a required secret field, which is also what a bare-string secret fills.
    expect(spec.secretFields.find((field) => field.name === spec.hintField)?.required).toBe(true);
  });
});

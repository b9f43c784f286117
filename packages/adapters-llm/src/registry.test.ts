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

  it.each(PROVIDER_IDS)('%s exposes each method exactly when its spec claims the capability', (id) => {
    const adapter = registry.get(id)!;
    const { capabilities } = adapter.spec;
    expect({
      verify: typeof adapter.verify === 'function',
      chat: typeof adapter.chat === 'function',
      streaming: typeof adapter.streamChat === 'function',
      embeddings: typeof adapter.embed === 'function',
      rerank: typeof adapter.rerank === 'function',
    }).toEqual({
      verify: capabilities.verify,
      chat: capabilities.chat,
      streaming: capabilities.streaming,
      embeddings: capabilities.embeddings,
      rerank: capabilities.rerank,
    });
    // Tools and images ride on chat: claiming them without chat would promise nothing.
    if (capabilities.tools || capabilities.vision) expect(capabilities.chat).toBe(true);
  });

  it.each(['openai', 'azure-openai', 'mistral'] as const)(
    '%s claims chat, streaming, tools, vision, embeddings and verification',
    (id) => {
      expect(registry.get(id)!.spec.capabilities).toEqual({
        chat: true,
        streaming: true,
        tools: true,
        vision: true,
        embeddings: true,
        rerank: false,
        verify: true,
      });
    },
  );

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

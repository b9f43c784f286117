import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderCapabilityMatrix, renderCredentialFields } from './capability-matrix.js';
import { UpstreamClients } from './http/upstream-clients.js';
import { createProviderRegistry } from './registry.js';

const DOC = join(__dirname, '..', '..', '..', 'docs', 'providers.md');
const BEGIN = '<!-- capability-matrix:begin -->';
const END = '<!-- capability-matrix:end -->';

describe('docs/providers.md', () => {
  it('shows the capability matrix the adapters declare (run `pnpm docs:providers` after changing one)', async () => {
    const clients = new UpstreamClients();
    try {
      const specs = createProviderRegistry({ clients })
        .list()
        .map((adapter) => adapter.spec);
      const doc = readFileSync(DOC, 'utf8');
      const generated = doc.slice(doc.indexOf(BEGIN) + BEGIN.length, doc.indexOf(END)).trim();
      expect(generated).toBe(`${renderCapabilityMatrix(specs)}\n\n${renderCredentialFields(specs)}`);
    } finally {
      await clients.close();
    }
  });
});

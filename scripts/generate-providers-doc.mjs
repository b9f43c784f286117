// Rewrites the generated part of docs/providers.md from the built adapters' declarations.
// Run through `pnpm docs:providers` (which builds adapters-llm first).
import { readFileSync, writeFileSync } from 'node:fs';

const { UpstreamClients, createProviderRegistry, renderCapabilityMatrix, renderCredentialFields } =
  await import(new URL('../packages/adapters-llm/dist/index.js', import.meta.url));
const path = new URL('../docs/providers.md', import.meta.url);
const BEGIN = '<!-- capability-matrix:begin -->';
const END = '<!-- capability-matrix:end -->';

const clients = new UpstreamClients();
const specs = createProviderRegistry({ clients })
  .list()
  .map((adapter) => adapter.spec);
await clients.close();
const doc = readFileSync(path, 'utf8');
const generated = `${renderCapabilityMatrix(specs)}\n\n${renderCredentialFields(specs)}`;
writeFileSync(
  path,
  `${doc.slice(0, doc.indexOf(BEGIN) + BEGIN.length)}\n${generated}\n${doc.slice(doc.indexOf(END))}`,
);
console.log('docs/providers.md updated');

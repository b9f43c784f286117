import type { Capabilities, ProviderSpec } from '@integration-api/core';

const COLUMNS: ReadonlyArray<[keyof Capabilities, string]> = [
  ['chat', 'chat'],
  ['streaming', 'stream'],
  ['tools', 'tools'],
  ['vision', 'vision'],
  ['embeddings', 'embeddings'],
  ['rerank', 'rerank'],
  ['verify', 'verify'],
];

/**
 * The capability matrix as Markdown, made from what the adapters declare, so `docs/providers.md`
 * and `GET /v1/providers` say the same thing (a test keeps the document in step).
 */
export function renderCapabilityMatrix(specs: readonly ProviderSpec[]): string {
  const header = `| provider | id | ${COLUMNS.map(([, title]) => title).join(' | ')} |`;
  const rule = `| --- | --- | ${COLUMNS.map(() => ':---:').join(' | ')} |`;
  const rows = specs.map(
    (spec) =>
      `| ${spec.displayName} | \`${spec.id}\` | ${COLUMNS.map(([key]) => (spec.capabilities[key] ? 'yes' : '—')).join(' | ')} |`,
  );
  return [header, rule, ...rows].join('\n');
}

/** Each provider's credential fields, secret and not, for the same document. */
export function renderCredentialFields(specs: readonly ProviderSpec[]): string {
  const lines = ['| provider | secret fields | config fields |', '| --- | --- | --- |'];
  for (const spec of specs) {
    const fields = (list: ProviderSpec['secretFields']) =>
      list.map((f) => `\`${f.name}\`${f.required ? '' : ' (optional)'}`).join(', ') || '—';
    lines.push(`| \`${spec.id}\` | ${fields(spec.secretFields)} | ${fields(spec.configFields)} |`);
  }
  return lines.join('\n');
}

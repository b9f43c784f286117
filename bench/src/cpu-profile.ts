/** The parts of a V8 `.cpuprofile` (what `node --cpu-prof` writes) that self time needs. */
export interface CpuProfile {
  readonly nodes: readonly {
    readonly id: number;
    readonly callFrame: {
      readonly functionName: string;
      readonly url: string;
      readonly lineNumber: number;
    };
  }[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface SelfTime {
  /** `name (where:line)`. */
  readonly frame: string;
  readonly selfMs: number;
  /** Share of the profile's busy time (idle excluded). */
  readonly percent: number;
}

/**
 * Self time per function: each sample's time delta goes to the node it landed in, nodes of the
 * same function (name, file, line) are added up. Idle time is left out of the total.
 */
export function topSelfTime(profile: CpuProfile, limit = 15): { busyMs: number; top: SelfTime[] } {
  const frameOf = new Map<number, string>();
  for (const node of profile.nodes) frameOf.set(node.id, describe(node.callFrame));
  const selfUs = new Map<string, number>();
  let busyUs = 0;
  profile.samples.forEach((id, i) => {
    // A sample's duration is the delta to the next one.
    const delta = profile.timeDeltas[i + 1] ?? 0;
    const frame = frameOf.get(id) ?? '(unknown)';
    if (frame === '(idle)') return;
    busyUs += delta;
    selfUs.set(frame, (selfUs.get(frame) ?? 0) + delta);
  });
  const top = [...selfUs.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([frame, us]) => ({ frame, selfMs: us / 1000, percent: busyUs ? (us / busyUs) * 100 : 0 }));
  return { busyMs: busyUs / 1000, top };
}

function describe(frame: CpuProfile['nodes'][number]['callFrame']): string {
  const name = frame.functionName || '(anonymous)';
  if (!frame.url) return name;
  return `${name} (${shortPath(frame.url)}:${frame.lineNumber + 1})`;
}

/** `node_modules/.pnpm/fastify@5.1.0/node_modules/fastify/lib/x.js` → `fastify/lib/x.js`; ours relative to the repo. */
export function shortPath(url: string): string {
  const path = url.replace(/^file:\/\//, '');
  const modules = path.lastIndexOf('/node_modules/');
  if (modules !== -1) return path.slice(modules + '/node_modules/'.length);
  const ours = /\/(packages|apps|bench)\/.*$/.exec(path);
  return ours ? ours[0].slice(1) : path;
}

/** The top self-time functions as markdown, for docs/benchmarks.md. */
export function renderProfile(
  summary: { busyMs: number; top: readonly SelfTime[] },
  startedAt: string,
): string {
  return [
    `Profile of the service (\`node --cpu-prof\`) during \`pnpm bench -- --profile\` of ${startedAt}: ` +
      `${(summary.busyMs / 1000).toFixed(1)} s of CPU time (idle excluded). Top self time:`,
    '',
    '| function (file:line) | self ms | share |',
    '| --- | --: | --: |',
    ...summary.top.map(
      (entry) =>
        `| \`${entry.frame.replaceAll('|', '\\|')}\` | ${entry.selfMs.toFixed(0)} | ${entry.percent.toFixed(1)}% |`,
    ),
  ].join('\n');
}

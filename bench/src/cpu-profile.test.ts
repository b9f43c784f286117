import { renderProfile, shortPath, topSelfTime, type CpuProfile } from './cpu-profile.js';

const frame = (functionName: string, url = '', lineNumber = 0) => ({ functionName, url, lineNumber });

describe('topSelfTime', () => {
  const profile: CpuProfile = {
    nodes: [
      { id: 1, callFrame: frame('(root)') },
      { id: 2, callFrame: frame('(idle)') },
      { id: 3, callFrame: frame('parse', 'file:///app/node_modules/.pnpm/x@1/node_modules/x/lib/p.js', 9) },
      { id: 4, callFrame: frame('parse', 'file:///app/node_modules/.pnpm/x@1/node_modules/x/lib/p.js', 9) },
      { id: 5, callFrame: frame('handle', 'file:///work/main/packages/core/dist/a.js', 0) },
    ],
    // Each sample lasts until the next one: the deltas are shifted by one.
    samples: [3, 2, 4, 5, 3],
    timeDeltas: [0, 100, 5000, 100, 300, 200],
  };

  it('adds up the self time of each function, leaving idle out, busiest first', () => {
    const { busyMs, top } = topSelfTime(profile);
    expect(busyMs).toBeCloseTo(0.7);
    expect(top).toEqual([
      { frame: 'parse (x/lib/p.js:10)', selfMs: 0.4, percent: expect.closeTo(57.1, 1) },
      { frame: 'handle (packages/core/dist/a.js:1)', selfMs: 0.3, percent: expect.closeTo(42.9, 1) },
    ]);
  });

  it('renders a markdown table', () => {
    expect(renderProfile(topSelfTime(profile), 'then')).toContain('| `parse (x/lib/p.js:10)` | 0 | 57.1% |');
  });
});

describe('shortPath', () => {
  it('names dependencies by package and our files by their repository path', () => {
    expect(shortPath('file:///r/node_modules/.pnpm/fastify@5.0.0/node_modules/fastify/lib/reply.js')).toBe(
      'fastify/lib/reply.js',
    );
    expect(shortPath('file:///work/main/apps/server/dist/main.js')).toBe('apps/server/dist/main.js');
    expect(shortPath('node:internal/url')).toBe('node:internal/url');
  });
});

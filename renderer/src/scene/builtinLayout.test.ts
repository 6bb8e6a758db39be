import { describe, expect, it } from 'vitest';
import { loadBuiltInLibrary } from '../model';
import { HeadlessLabelFactory } from './labels';
import { SPLIT_MAX_ROWS, layoutArchitecture } from './layout';
import { layoutProblems } from './layoutChecks';
import { frameNeed, paneScale } from './paneSplit';
import { StackGraph } from './StackGraph';
import { snapshotAt } from './testFixtures';

const library = loadBuiltInLibrary();
const architectures = [...library.architectures.values()];

describe('layout of every built-in architecture', () => {
  it('has at least one architecture to check', () => {
    expect(architectures.length).toBeGreaterThan(0);
  });

  it.each(architectures.map((a) => [a.id, a] as const))('%s: no overlap, every block inside its slab', (_id, arch) => {
    expect(layoutProblems(arch, layoutArchitecture(arch))).toEqual([]);
  });

  // Compare's panes: side by side at 1280x800 (472 x 527 px) and stacked (947 x 262 px).
  it.each(
    architectures.flatMap((a) =>
      [
        [472, 527],
        [947, 262],
      ].map(([w, h]) => [a.id, w!, h!, a] as const),
    ),
  )(
    '%s in a %ix%i split-view pane: a sound layout, drawn at least as large as the full-view one',
    (_id, w, h, arch) => {
      const pane = { width: w, height: h };
      const split = layoutArchitecture(arch, { aspect: w / h, split: true });
      expect(layoutProblems(arch, split)).toEqual([]);
      expect(Math.max(...split.slabs.map((s) => s.rows))).toBeLessThanOrEqual(SPLIT_MAX_ROWS);
      const scale = (l: typeof split) => paneScale(pane, frameNeed(l.frame.min, l.frame.max));
      expect(scale(split)).toBeGreaterThanOrEqual(scale(layoutArchitecture(arch, w / h)) - 1e-9);
    },
  );

  it('draws every built-in path hop by hop with its arcs, and frees everything after', () => {
    const graph = new StackGraph(new HeadlessLabelFactory(), 'projector');
    for (const path of library.paths.values()) {
      const arch = library.architectures.get(path.architecture);
      expect(arch).toBeDefined();
      if (!arch) continue;
      path.hops.forEach((_, i) => {
        graph.setStacks([
          {
            key: 'main',
            architecture: arch,
            path,
            snapshot: snapshotAt(path, i, 0.5),
          },
        ]);
        // Current hop plus one arc per distinct completed (from, to, mechanism).
        const done = new Set(path.hops.slice(0, i).map((x) => `${x.from}>${x.to}:${x.mechanism}`));
        expect(graph.stacks.get('main')?.arcs.size).toBe(done.size + 1);
        expect(graph.packetCount).toBe(1);
      });
    }
    graph.setStacks([]);
    expect(graph.tracker.total).toBe(0);
  });
});

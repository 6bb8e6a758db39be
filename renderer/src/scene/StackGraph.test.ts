import type { InstancedMesh, Mesh } from 'three';
import { Box3, Raycaster, Vector3, type BufferGeometry, type Material } from 'three';
import { describe, expect, it } from 'vitest';
import { HeadlessLabelFactory } from './labels';
import { layoutArchitecture } from './layout';
import { StackGraph } from './StackGraph';
import type { StackInput } from './sceneTypes';
import { fixtureHosted, fixtureMicrokernel, fixturePath, snapshotAt } from './testFixtures';

function setup(): { graph: StackGraph; labels: HeadlessLabelFactory } {
  const labels = new HeadlessLabelFactory();
  return { graph: new StackGraph(labels, 'light'), labels };
}

const main = (architecture: StackInput['architecture'], extra: Partial<StackInput> = {}): StackInput => ({
  key: 'main',
  architecture,
  snapshot: null,
  ...extra,
});

describe('StackGraph diffing', () => {
  it('creates one view per layer, component, column and band, keyed by id', () => {
    const { graph } = setup();
    const a = fixtureMicrokernel();
    graph.setStacks([main(a)]);
    const v = graph.stacks.get('main');
    expect([...(v?.slabs.keys() ?? [])].sort()).toEqual(a.layers.map((l) => l.id).sort());
    expect([...(v?.blocks.keys() ?? [])].sort()).toEqual(a.components.map((c) => c.id).sort());
    expect([...(v?.columns.keys() ?? [])]).toEqual(['root', 'g1', 'g2']);
    expect([...(v?.bands.keys() ?? [])]).toEqual(['hardware', 'ring-1', 'ring0', 'ring3']);
  });

  it('creates nothing new for the same input twice, and reports no change', () => {
    const { graph, labels } = setup();
    const input = [main(fixtureMicrokernel())];
    expect(graph.setStacks(input).changed).toBe(true);
    const created = graph.tally.created;
    const labelCount = labels.live.size;
    const allocs = graph.tracker.created;
    expect(graph.setStacks(input)).toEqual({ changed: false, relayout: false });
    // A new but identical architecture object is not re-laid out either.
    expect(graph.setStacks([main(fixtureMicrokernel())]).relayout).toBe(false);
    expect(graph.tally.created).toBe(created);
    expect(labels.live.size).toBe(labelCount);
    expect(graph.tracker.created).toBe(allocs);
  });

  it('switches A -> B -> A by ids: B replaces A views, and A comes back the same', () => {
    const { graph, labels } = setup();
    const a = fixtureMicrokernel();
    const b = fixtureHosted();
    graph.setStacks([main(a)]);
    const aViews = graph.tally.created;
    const aLabels = labels.live.size;
    const hwView = graph.stacks.get('main')?.slabs.get('hw');
    const hvkView = graph.stacks.get('main')?.blocks.get('hvk');
    graph.setStacks([main(b)]);
    const v = graph.stacks.get('main');
    expect([...(v?.blocks.keys() ?? [])].sort()).toEqual(b.components.map((c) => c.id).sort());
    expect([...(v?.slabs.keys() ?? [])].sort()).toEqual(b.layers.map((l) => l.id).sort());
    // Layer id 'hw' exists in both: its view is kept and updated, not re-created; A-only ids are gone.
    expect(v?.slabs.get('hw')).toBe(hwView);
    expect(v?.blocks.has('hvk')).toBe(false);
    expect(hvkView?.label.object.parent).toBeNull();
    expect(graph.tally.disposed).toBeGreaterThan(0);
    graph.setStacks([main(a)]);
    expect(labels.live.size).toBe(aLabels);
    expect(graph.tally.created - graph.tally.disposed).toBe(aViews);
  });

  it('adds and removes whole stacks for compare, side by side or stacked', () => {
    const { graph } = setup();
    graph.setStacks([main(fixtureMicrokernel(), { key: 'left' }), main(fixtureHosted(), { key: 'right' })]);
    const l = graph.stacks.get('left');
    const r = graph.stacks.get('right');
    expect(l && r).toBeTruthy();
    const lf = l?.worldFrame();
    const rf = r?.worldFrame();
    expect((lf?.max.x ?? 0) < (rf?.min.x ?? 0)).toBe(true);
    graph.setLayout('stacked');
    const lf2 = l?.worldFrame();
    const rf2 = r?.worldFrame();
    expect((rf2?.max.y ?? 0) < (lf2?.min.y ?? 0)).toBe(true);
    graph.setStacks([main(fixtureHosted(), { key: 'right' })]);
    expect([...graph.stacks.keys()]).toEqual(['right']);
  });
});

describe('StackGraph disposal', () => {
  it('returns allocated geometries, materials and textures to the baseline after unloading every scenario', () => {
    const { graph, labels } = setup();
    const baseline = graph.tracker.snapshot();
    const path = fixturePath();
    for (const theme of ['light', 'dark', 'projector'] as const) {
      graph.setTheme(theme);
      graph.setStacks([main(fixtureMicrokernel(), { snapshot: snapshotAt(path, 3, 0.5), path, failed: ['vid'] })]);
      graph.setStacks([
        main(fixtureHosted()),
        main(fixtureMicrokernel(), { key: 'right', snapshot: snapshotAt(path, 1, 0.2) }),
      ]);
      expect(graph.tracker.total).toBeGreaterThan(0);
      graph.setStacks([]);
      expect(graph.tracker.snapshot()).toEqual(baseline);
      expect(labels.live.size).toBe(0);
    }
    graph.dispose();
    expect(graph.tracker.total).toBe(0);
  });

  it('shares materials: one per (theme, kind, state), not one per block', () => {
    const { graph } = setup();
    const a = fixtureMicrokernel();
    graph.setStacks([main(a)]);
    const kinds = new Set(a.components.map((c) => c.kind)).size;
    const rings = new Set(a.layers.map((l) => `${l.context.ring}:${l.context.domain}`)).size;
    // block materials + slab materials + tcb outline, plus the shared unit box geometry.
    expect(graph.tracker.snapshot().materials).toBe(kinds + rings + 1);
    expect(graph.tracker.snapshot().geometries).toBe(1);
  });
});

describe('StackGraph walkthrough drawing', () => {
  const path = fixturePath();

  it('draws a VM exit as a drop to the hypervisor slab and back up', () => {
    const { graph } = setup();
    const arch = fixtureMicrokernel();
    graph.setStacks([main(arch, { snapshot: snapshotAt(path, 1, 0.5), path })]);
    const v = graph.stacks.get('main');
    const arc = v?.arcs.get('hop:h2');
    expect(arc).toBeDefined();
    const layout = layoutArchitecture(arch);
    const ata = layout.blocks.find((b) => b.componentId === 'ata');
    let minY = Infinity;
    for (let i = 0; i <= 50; i++) minY = Math.min(minY, arc?.curve.getPointAt(i / 50).y ?? Infinity);
    expect(minY).toBeLessThan(layout.hypervisorY + 0.3);
    expect(minY).toBeGreaterThan(layout.hypervisorY - 0.6);
    // It starts at the guest driver, well above the hypervisor.
    expect(arc?.curve.getPointAt(0).y).toBeCloseTo(ata?.port.y ?? NaN);
    expect((ata?.port.y ?? 0) - layout.hypervisorY).toBeGreaterThan(4);
    // The completed hop before it is drawn too, faded.
    expect(v?.arcs.get('done:fs1>ata:call')?.isDone).toBe(true);
    expect(v?.arcs.get('hop:h2')?.isDone).toBe(false);
    expect(v?.arcs.get('done:fs1>ata:call')?.haloShown).toBe(false);
    expect(v?.arcs.get('hop:h2')?.haloShown).toBe(true);
  });

  it('draws a plain call as a direct arc that stays above both ends', () => {
    const { graph } = setup();
    graph.setStacks([main(fixtureMicrokernel(), { snapshot: snapshotAt(path, 0, 0.5), path })]);
    const arc = graph.stacks.get('main')?.arcs.get('hop:h1');
    const a = arc?.curve.getPointAt(0);
    const b = arc?.curve.getPointAt(1);
    let top = -Infinity;
    for (let i = 0; i <= 50; i++) top = Math.max(top, arc?.curve.getPointAt(i / 50).y ?? -Infinity);
    expect(top).toBeGreaterThan(Math.max(a?.y ?? 0, b?.y ?? 0) + 0.3);
  });

  it('has one packet instance per packet in all snapshots, in one instanced mesh per stack (inside its group)', () => {
    const { graph } = setup();
    const s1 = snapshotAt(path, 2, 0.3);
    const s2 = snapshotAt(path, 4, 0.9);
    const two = {
      ...s2,
      packets: [...s2.packets, { ...s2.packets[0]!, id: 'extra', t: 0.1, moves: 'command' as const }],
    };
    graph.setStacks([
      main(fixtureMicrokernel(), { key: 'left', snapshot: s1 }),
      main(fixtureMicrokernel(), { key: 'right', snapshot: two }),
    ]);
    expect(graph.packetCount).toBe(3);
    // A split view draws each stack alone in its pane: each stack's packets live in that stack's group.
    for (const [key, n] of [
      ['left', 1],
      ['right', 2],
    ] as const) {
      const instanced: { name: string; count: number }[] = [];
      graph.stackGroup(key)?.traverse((o) => {
        if ((o as { isInstancedMesh?: boolean }).isInstancedMesh && o.name === 'packets')
          instanced.push({ name: o.name, count: (o as InstancedMesh).count });
      });
      expect(instanced, key).toEqual([{ name: 'packets', count: n }]);
    }
    graph.setStacks([main(fixtureMicrokernel(), { key: 'left', snapshot: snapshotAt(path, 5, 0) })]);
    expect(graph.packetCount).toBe(0);
  });

  it('draws boxes and arcs batched: one mesh per material, however many blocks, slabs and hops', () => {
    const { graph } = setup();
    const path = fixturePath();
    graph.setStacks([main(fixtureMicrokernel(), { snapshot: snapshotAt(path, 4, 0.5), path })]);
    const v = graph.stacks.get('main');
    const meshes: { name: string; material: unknown }[] = [];
    graph.stackGroup('main')?.traverse((o) => {
      if ((o as Mesh).isMesh && o.visible) meshes.push({ name: o.name, material: (o as Mesh).material });
    });
    for (const name of ['blocks', 'boxes', 'arcs']) {
      const mats = meshes.filter((m) => m.name === name).map((m) => m.material);
      expect(new Set(mats).size, name).toBe(mats.length);
    }
    expect(meshes.filter((m) => m.name === 'blocks').length).toBeLessThan(v?.blocks.size ?? 0);
    expect(meshes.filter((m) => m.name === 'arcs').length).toBeLessThan(v?.arcs.size ?? 0);
  });

  it('draws the merged arcs where the arcs are after every re-layout (stacked, a theme change, side by side)', () => {
    const { graph } = setup();
    const arch = fixtureMicrokernel();
    const snap = { snapshot: snapshotAt(path, 1, 0.5), path };
    graph.setStacks([main(arch, { key: 'left', ...snap }), main(arch, { key: 'right', ...snap })]);
    // The merged meshes' box, and the box of what the stack's arcs want drawn now (their parts): the same.
    const box = (geometries: Iterable<BufferGeometry>): Box3 => {
      const b = new Box3();
      for (const g of geometries) {
        g.computeBoundingBox();
        if (g.boundingBox) b.union(g.boundingBox);
      }
      return b;
    };
    const drawn = (key: string): Box3 => {
      const meshes: BufferGeometry[] = [];
      graph.stackGroup(key)?.traverse((o) => {
        if (o.name === 'arcs' && (o as Mesh).isMesh) meshes.push((o as Mesh).geometry);
      });
      return box(meshes);
    };
    const wanted = (key: string): Box3 =>
      box([...(graph.stacks.get(key)?.arcs.values() ?? [])].flatMap((a) => a.parts().map((p) => p.geometry)));
    const check = (when: string): void => {
      for (const key of ['left', 'right']) {
        const [d, c] = [drawn(key), wanted(key)];
        expect(d.isEmpty(), `${when}, ${key}: arcs drawn`).toBe(false);
        const off = Math.max(
          ...(['x', 'y', 'z'] as const).flatMap((a) => [d.min[a] - c.min[a], d.max[a] - c.max[a]].map(Math.abs)),
        );
        expect(off, `${when}, ${key}: merged arcs off their curves by`).toBeLessThan(1e-4);
      }
    };
    check('side by side');
    expect(graph.setLayout('stacked')).toBe(true);
    check('stacked');
    expect(graph.setTheme('projector')).toBe(true);
    check('stacked, projector theme');
    expect(graph.setLayout('side-by-side')).toBe(true);
    check('side by side again');
  });

  it('updates cheaply when only the snapshot changes: no re-layout, packet moves, change reported', () => {
    const { graph } = setup();
    const arch = fixtureMicrokernel();
    graph.setStacks([main(arch, { snapshot: snapshotAt(path, 1, 0.1), path })]);
    const created = graph.tally.created;
    const layout = graph.stacks.get('main')?.layout;
    const r = graph.setStacks([main(arch, { snapshot: snapshotAt(path, 1, 0.6), path })]);
    expect(r).toEqual({ changed: true, relayout: false });
    expect(graph.stacks.get('main')?.layout).toBe(layout);
    expect(graph.tally.created).toBe(created);
    const same = graph.setStacks([main(arch, { snapshot: snapshotAt(path, 1, 0.6), path })]);
    expect(same.changed).toBe(false);
  });

  it('makes active components glow and failed ones dark and hatched, with label flags', () => {
    const { graph, labels } = setup();
    const arch = fixtureMicrokernel();
    graph.setStacks([main(arch, { snapshot: snapshotAt(path, 1, 0.5), path, failed: ['vid', 'storvsp'] })]);
    const v = graph.stacks.get('main');
    const key = (id: string): string | undefined => graph.cache.keyOf(v?.blocks.get(id)?.material as Material);
    expect(key('ata')).toBe('block:driver:active');
    expect(key('hvk')).toBe('block:hypervisor:active');
    expect(key('vid')).toBe('block:driver:failed');
    expect(key('storvsp')).toBe('block:vsp:failed');
    expect(key('fs1')).toBe('block:filesystem:normal');
    const failedMat = v?.blocks.get('vid')?.material as { map?: unknown };
    expect(failedMat.map).toBeTruthy();
    const lbl = [...labels.live].find((l) => l.spec.componentId === 'vid');
    expect(lbl?.hasFlag('failed')).toBe(true);
    expect([...labels.live].find((l) => l.spec.componentId === 'ata')?.hasFlag('active')).toBe(true);
  });

  it('outlines TCB components, and selection outlines, raises and can be picked back', () => {
    const { graph } = setup();
    graph.setStacks([main(fixtureMicrokernel())]);
    const v = graph.stacks.get('main');
    expect(v?.blocks.get('hvk')?.outlineMaterial).not.toBeNull();
    expect(v?.blocks.get('app1')?.outlineMaterial).toBeNull();
    const y0 = v?.blocks.get('app1')?.center.y ?? 0;
    expect(graph.setSelection({ stackKey: 'main', componentId: 'app1' })).toBe(true);
    expect(graph.setSelection({ stackKey: 'main', componentId: 'app1' })).toBe(false);
    const b = v?.blocks.get('app1');
    expect(graph.cache.keyOf(b?.outlineMaterial as Material)).toBe('outline:selected');
    expect((b?.center.y ?? 0) > y0).toBe(true);
    // A ray straight at the block's front hits its instance and picks it back.
    const c = graph.blockCenter({ stackKey: 'main', componentId: 'app1' }) ?? new Vector3();
    const ray = new Raycaster(c.clone().setZ(c.z + 50), new Vector3(0, 0, -1));
    graph.scene.updateMatrixWorld();
    const hit = ray.intersectObjects(graph.pickables(), false)[0];
    expect(graph.pickOf(hit)).toEqual({ stackKey: 'main', componentId: 'app1' });
  });

  it('spotlights: every component not listed dims (faint material, faint label), and clearing it restores them', () => {
    const { graph, labels } = setup();
    graph.setStacks([main(fixtureMicrokernel())]);
    const v = graph.stacks.get('main');
    const key = (id: string): string | undefined => graph.cache.keyOf(v?.blocks.get(id)?.material as Material);
    const dimmed = (id: string) => [...labels.live].find((l) => l.spec.componentId === id)?.hasFlag('dimmed');
    expect(graph.setSpotlight(['hvk', 'app1'])).toBe(true);
    expect(graph.setSpotlight(['hvk', 'app1'])).toBe(false);
    expect(key('hvk')).toBe('block:hypervisor:normal');
    expect(key('fs1')).toBe('block:filesystem:normal:dim');
    expect((v?.blocks.get('fs1')?.material as Material).opacity).toBeLessThan(0.5);
    expect([dimmed('hvk'), dimmed('app1'), dimmed('fs1')]).toEqual([false, false, true]);
    expect(graph.setSpotlight([])).toBe(true);
    expect(key('fs1')).toBe('block:filesystem:normal');
    expect(dimmed('fs1')).toBe(false);
  });

  it('switches theme by swapping shared materials, freeing the old ones', () => {
    const { graph } = setup();
    graph.setStacks([main(fixtureMicrokernel())]);
    const before = graph.tracker.snapshot().materials;
    const mat = graph.stacks.get('main')?.blocks.get('hvk')?.material;
    expect(graph.setTheme('projector')).toBe(true);
    expect(graph.stacks.get('main')?.blocks.get('hvk')?.material).not.toBe(mat);
    expect(graph.tracker.snapshot().materials).toBe(before);
  });
});

describe('StackGraph mechanism labels and layout fitting', () => {
  it('names the mechanism of the current hop only, beside the drop', () => {
    const labels = new HeadlessLabelFactory();
    const graph = new StackGraph(labels, 'light');
    const path = fixturePath();
    graph.setStacks([main(fixtureMicrokernel(), { snapshot: snapshotAt(path, 1, 0.5), path })]);
    const mech = [...labels.live].filter((l) => l.spec.kind === 'mechanism');
    expect(mech.map((l) => l.spec.lines[0])).toEqual(['▼ VM exit']);
    const arc = graph.stacks.get('main')?.arcs.get('hop:h2');
    const p = arc?.labelPoint();
    const start = arc?.curve.getPointAt(0);
    // Half-way down the first leg: below the start, above the hypervisor.
    expect((p?.y ?? 0) < (start?.y ?? 0)).toBe(true);
    expect((p?.y ?? 0) > (graph.stacks.get('main')?.layout?.hypervisorY ?? Infinity)).toBe(true);
    graph.setStacks([main(fixtureMicrokernel(), { snapshot: snapshotAt(path, 2, 0.5), path })]);
    expect([...labels.live].filter((l) => l.spec.kind === 'mechanism').map((l) => l.spec.lines[0])).toEqual([
      'world switch',
    ]);
  });

  it('re-lays out for a narrow viewport only when the best row width changes', () => {
    const graph = new StackGraph(new HeadlessLabelFactory(), 'light');
    graph.setStacks([main(fixtureHosted())]);
    const wide = graph.stacks.get('main')?.layout;
    expect(graph.setViewportAspect(1.61).relayout).toBe(false);
    const r = graph.setViewportAspect(0.5);
    const narrow = graph.stacks.get('main')?.layout;
    expect(r.relayout).toBe(true);
    expect(narrow).not.toBe(wide);
    const w = (l: typeof wide): number => (l ? l.bounds.max.x - l.bounds.min.x : 0);
    expect(w(narrow)).toBeLessThan(w(wide));
  });
});

describe('the Type 1 <-> Type 2 morph', () => {
  it('hides the stack behind a morph view while t < 1, then frees every morph resource', () => {
    const { graph, labels } = setup();
    const a = fixtureMicrokernel();
    const b = fixtureHosted();
    // Both stacks once without a morph, so the shared material cache holds what both need.
    graph.setStacks([main(a)]);
    graph.setStacks([main(b)]);
    const plainLabels = labels.live.size;
    const plainResources = graph.tracker.total;
    graph.setStacks([main(a)]);
    const start = graph.setStacks([main(b, { morph: { from: a, t: 0 } })]);
    expect(start.relayout).toBe(true);
    expect(start.animate).toBe(true);
    const v = graph.stacks.get('main');
    expect(v?.morphView).not.toBeNull();
    expect(v?.morphView?.plan.fromId).toBe('fx-micro');
    const mid = graph.setStacks([main(b, { morph: { from: a, t: 0.5 } })]);
    expect(mid.changed).toBe(true);
    expect(mid.relayout).toBe(false);
    expect(v?.morphView?.t).toBe(0.5);
    // The morph is framed: both stacks fit.
    const f = v?.worldFrame();
    expect((f?.max.x ?? 0) - (f?.min.x ?? 0)).toBeGreaterThanOrEqual(
      Math.max(...[a, b].map((x) => layoutArchitecture(x).frame.max.x - layoutArchitecture(x).frame.min.x)) - 1e-9,
    );
    const end = graph.setStacks([main(b, { morph: { from: a, t: 1 } })]);
    expect(end.animate).toBe(true);
    expect(v?.morphView).toBeNull();
    expect(labels.live.size).toBe(plainLabels);
    expect(graph.tracker.total).toBe(plainResources);
    graph.setStacks([]);
    expect(graph.tracker.total).toBe(0);
  });
});

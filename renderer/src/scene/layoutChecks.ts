/** Geometric invariants of a layout, shared by the unit tests (fixtures and every built-in architecture). */
import type { Architecture } from '../model/types';
import type { Box, StackLayout } from './layout';
import { RING_ORDER } from './palette';

const EPS = 1e-6;

/** Calls `f` once for each unordered pair of the list. */
function eachPair<T>(list: readonly T[], f: (a: T, b: T) => void): void {
  list.forEach((a, i) => list.slice(i + 1).forEach((b) => f(a, b)));
}

/** Whether two boxes overlap along an axis (by more than EPS). */
function overlapOn(a: Box, b: Box, axis: 'x' | 'y' | 'z'): boolean {
  const size = ({ x: 'w', y: 'h', z: 'd' } as const)[axis];
  return Math.abs(a[axis] - b[axis]) < (a[size] + b[size]) / 2 - EPS;
}

export function layoutProblems(arch: Architecture, layout: StackLayout): string[] {
  const problems: string[] = [];
  const { blocks, slabs } = layout;
  eachPair(blocks, (a, b) => {
    if (overlapOn(a, b, 'x') && overlapOn(a, b, 'y') && overlapOn(a, b, 'z'))
      problems.push(`blocks ${a.componentId} and ${b.componentId} overlap`);
  });
  for (const b of blocks) {
    const s = slabs.find((x) => x.layerId === b.layerId);
    if (!s) {
      problems.push(`block ${b.componentId} has no slab`);
      continue;
    }
    if (b.x - b.w / 2 < s.x - s.w / 2 - EPS || b.x + b.w / 2 > s.x + s.w / 2 + EPS)
      problems.push(`block ${b.componentId} sticks out of its slab in x`);
    if (b.z - b.d / 2 < s.z - s.d / 2 - EPS || b.z + b.d / 2 > s.z + s.d / 2 + EPS)
      problems.push(`block ${b.componentId} sticks out of its slab in z`);
    if (Math.abs(b.y - b.h / 2 - s.top) > EPS) problems.push(`block ${b.componentId} does not stand on its slab`);
  }
  // Slabs of different layers never intersect.
  eachPair(slabs, (a, b) => {
    if (overlapOn(a, b, 'x') && overlapOn(a, b, 'y')) problems.push(`slabs ${a.layerId} and ${b.layerId} overlap`);
  });
  // Rings are ordered bottom to top.
  for (const a of slabs) {
    for (const b of slabs) {
      if (RING_ORDER.indexOf(a.ring) < RING_ORDER.indexOf(b.ring) && !(a.y < b.y)) {
        problems.push(`${a.layerId} (${a.ring}) is not below ${b.layerId} (${b.ring})`);
      }
    }
  }
  const placed = new Set(blocks.map((b) => b.componentId));
  for (const c of arch.components) {
    if (arch.layers.some((l) => l.id === c.layer) && !placed.has(c.id)) problems.push(`component ${c.id} not placed`);
  }
  return problems;
}

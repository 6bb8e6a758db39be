/** Geometric invariants of a layout, shared by the unit tests (fixtures and every built-in architecture). */
import type { Architecture } from '../model/types';
import type { StackLayout } from './layout';
import { RING_ORDER } from './palette';

const EPS = 1e-6;

export function layoutProblems(arch: Architecture, layout: StackLayout): string[] {
  const problems: string[] = [];
  const { blocks, slabs } = layout;
  for (let i = 0; i < blocks.length; i++) {
    for (let j = i + 1; j < blocks.length; j++) {
      const a = blocks[i];
      const b = blocks[j];
      if (!a || !b) continue;
      const ox = Math.abs(a.x - b.x) < (a.w + b.w) / 2 - EPS;
      const oy = Math.abs(a.y - b.y) < (a.h + b.h) / 2 - EPS;
      const oz = Math.abs(a.z - b.z) < (a.d + b.d) / 2 - EPS;
      if (ox && oy && oz) problems.push(`blocks ${a.componentId} and ${b.componentId} overlap`);
    }
  }
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
  for (let i = 0; i < slabs.length; i++) {
    for (let j = i + 1; j < slabs.length; j++) {
      const a = slabs[i];
      const b = slabs[j];
      if (!a || !b) continue;
      const ox = Math.abs(a.x - b.x) < (a.w + b.w) / 2 - EPS;
      const oy = Math.abs(a.y - b.y) < (a.h + b.h) / 2 - EPS;
      if (ox && oy) problems.push(`slabs ${a.layerId} and ${b.layerId} overlap`);
    }
  }
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

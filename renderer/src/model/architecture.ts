/** Lookups on an architecture: components, layers, columns and privilege contexts. */
import { privilegeShort, type PrivilegeSubject } from './privilege';
import type { Architecture, Column, Component, Layer, PrivilegeContext, Ring } from './types';

export function componentById(arch: Architecture, id: string): Component | undefined {
  return arch.components.find((c) => c.id === id);
}

export function layerById(arch: Architecture, id: string): Layer | undefined {
  return arch.layers.find((l) => l.id === id);
}

export function columnById(arch: Architecture, id: string): Column | undefined {
  return arch.columns.find((c) => c.id === id);
}

function requireComponent(arch: Architecture, componentId: string): Component {
  const c = componentById(arch, componentId);
  if (!c) throw new Error(`architecture "${arch.id}" has no component "${componentId}"`);
  return c;
}

function requireLayer(arch: Architecture, c: Component): Layer {
  const l = layerById(arch, c.layer);
  if (!l) throw new Error(`component "${c.id}" of "${arch.id}" is on unknown layer "${c.layer}"`);
  return l;
}

/** The privilege context (ring and whose code) a component runs in. Throws for an unknown component. */
export function contextOf(arch: Architecture, componentId: string): PrivilegeContext {
  return requireLayer(arch, requireComponent(arch, componentId)).context;
}

/** The column a component belongs to, or undefined when its layer spans the whole machine. */
export function columnOf(arch: Architecture, componentId: string): string | undefined {
  return requireLayer(arch, requireComponent(arch, componentId)).column;
}

/** Guest VM columns, left to right. */
export function vmColumns(arch: Architecture): Column[] {
  return arch.columns.filter((c) => c.vm);
}

const RING_LABELS: Record<Ring, string> = {
  hardware: 'hardware',
  'ring-1': 'ring -1',
  ring0: 'ring 0',
  deprivileged: 'deprivileged',
  ring3: 'ring 3',
};

/**
 * e.g. "guest kernel (ring 0)", "hypervisor (ring -1)", "host user space (ring 3)". Given the architecture, the names
 * follow its CPU (privilege.ts): no "ring -1" for a hosted VMM on a CPU without VT-x.
 */
export function describeContext(ctx: PrivilegeContext, arch?: PrivilegeSubject): string {
  if (arch) return privilegeShort(arch, ctx);
  if (ctx.domain === 'hardware' || ctx.ring === 'hardware') return 'hardware';
  const who = ctx.domain === 'hypervisor' ? 'hypervisor' : ctx.domain;
  const part = ctx.ring === 'ring3' ? ' user space' : ctx.ring === 'ring0' ? ' kernel' : '';
  return `${who}${ctx.domain === 'hypervisor' && ctx.ring === 'ring3' ? ' user world' : part} (${RING_LABELS[ctx.ring]})`;
}

/**
 * What-ifs: derive a variant of an architecture and re-route its paths.
 *
 * - driversIn: the physical device drivers (kind "driver" outside the guests, depending on a hardware component) move
 *   to the hypervisor's machine-wide layer or to the parent's kernel layer.
 *   * To the hypervisor: the hypervisor now owns the devices and serves I/O itself, as ESX's vmkernel does, so the
 *     parent drops out of the paths: every host component on a path is replaced by the hypervisor, hops that now go
 *     from the hypervisor to itself disappear, and their work costs (not their crossing costs) move to the next hop.
 *   * To the parent: hops that now cross between the hypervisor and the parent's kernel get a crossing mechanism
 *     (interrupt on the way in, hypercall on the way back) and its cost, as in Hyper-V's root partition.
 * - batching off: per-batch hops happen once per request.
 * - hardware assist off: a guest exit is caught by binary translation instead of a VT-x exit: the hop becomes a trap
 *   and its costs are replaced by their binary-translation alternatives (P4 figures).
 * Every re-routed path is checked with validatePath; a problem is reported in `notes`.
 */
import { columnOf, contextOf } from './architecture';
import type { Architecture, Component, Hop, IoPath, Library, Mechanism, WhatIfs } from './types';
import { isGuestExit, resolveWhatIfs } from './cost';
import { allowedMechanisms, validatePath } from './validatePath';

export interface Variant {
  architecture: Architecture;
  paths: IoPath[];
  notes: string[];
}

/** Architectures that cannot run without VT-x/AMD-V (hypervisors.md: Hyper-V needs it; KVM runs guests with it). */
const NEEDS_HARDWARE_ASSIST = new Set(['hyperv-2008', 'kvm']);

function physicalDrivers(arch: Architecture): Component[] {
  const hardware = new Set(arch.components.filter((c) => contextOf(arch, c.id).ring === 'hardware').map((c) => c.id));
  return arch.components.filter((c) => {
    const ctx = contextOf(arch, c.id);
    return c.kind === 'driver' && ctx.domain !== 'guest' && c.dependsOn.some((d) => hardware.has(d));
  });
}

/** The hypervisor's machine-wide layer and its main component (kind "hypervisor", or the first one on that layer). */
function hypervisorCore(arch: Architecture): { layer: string; component: string } | undefined {
  const layer = arch.layers.find((l) => l.context.domain === 'hypervisor' && l.column === undefined);
  if (!layer) return undefined;
  const onLayer = arch.components.filter((c) => c.layer === layer.id);
  const core = onLayer.find((c) => c.kind === 'hypervisor') ?? onLayer[0];
  return core ? { layer: layer.id, component: core.id } : undefined;
}

function parentKernelLayer(arch: Architecture): string | undefined {
  return arch.layers.find((l) => l.context.domain === 'host' && l.context.ring === 'ring0')?.id;
}

const PREFERRED: Mechanism[] = ['hypercall', 'interrupt', 'signal', 'syscall', 'call', 'ring-write'];
const CROSSING_PARAM: Partial<Record<Mechanism, string>> = {
  hypercall: 'exit-direct',
  interrupt: 'synthetic-interrupt',
  signal: 'synthetic-interrupt',
};

function note(hop: Hop, text: string): Hop {
  return { ...hop, narration: `${hop.narration} (What-if: ${text})`, mark: 'estimate' };
}

function moveDriversToHypervisor(library: Library, arch: Architecture, paths: IoPath[], notes: string[]): IoPath[] {
  if (arch.type === 'type2') {
    notes.push('A hosted (Type 2) VMM always uses the host OS drivers; nothing moves.');
    return paths;
  }
  const core = hypervisorCore(arch);
  if (!core) {
    notes.push(`${arch.name} has no machine-wide hypervisor layer to move drivers into.`);
    return paths;
  }
  const drivers = physicalDrivers(arch);
  const moved = drivers.filter((d) => contextOf(arch, d.id).domain === 'host');
  if (moved.length === 0) {
    notes.push(`The device drivers of ${arch.name} already live in the hypervisor.`);
    return paths;
  }
  for (const d of moved) d.layer = core.layer;
  const hostIds = new Set(arch.components.filter((c) => contextOf(arch, c.id).domain === 'host').map((c) => c.id));
  const coreName = arch.components.find((c) => c.id === core.component)?.name ?? core.component;
  notes.push(
    `Drivers moved into the hypervisor: ${moved.map((d) => d.name).join(', ')}. ${coreName} now serves I/O itself, so the parent drops out of the I/O paths.`,
  );
  const isCrossing = (id: string) => library.parameters.get(id)?.crossing === true;
  return paths.map((path) => {
    const hops: Hop[] = [];
    let carried: string[] = [];
    for (const hop of path.hops) {
      const from = hostIds.has(hop.from) ? core.component : hop.from;
      const to = hostIds.has(hop.to) ? core.component : hop.to;
      if (from === to) {
        carried.push(...hop.params.filter((p) => !isCrossing(p)));
        continue;
      }
      let next: Hop = { ...hop, from, to, params: [...carried, ...hop.params] };
      carried = [];
      if (from !== hop.from || to !== hop.to)
        next = note(next, `the parent's part of this hop is now done by ${coreName}`);
      hops.push(next);
    }
    const last = hops[hops.length - 1];
    if (carried.length > 0 && last) hops[hops.length - 1] = { ...last, params: [...last.params, ...carried] };
    return { ...path, hops: hops.map((h) => fixMechanism(arch, h)) };
  });
}

function moveDriversToParent(arch: Architecture, paths: IoPath[], notes: string[]): IoPath[] {
  if (arch.type === 'type2') {
    notes.push('A hosted (Type 2) VMM always uses the host OS drivers; nothing moves.');
    return paths;
  }
  const layer = parentKernelLayer(arch);
  if (!layer) {
    notes.push(
      arch.driverModel === 'linux'
        ? `In ${arch.name} the host Linux kernel is the hypervisor and holds the drivers: there is no parent to move them to.`
        : `${arch.name} has no parent partition kernel to move drivers into.`,
    );
    return paths;
  }
  const moved = physicalDrivers(arch).filter((d) => contextOf(arch, d.id).domain === 'hypervisor');
  if (moved.length === 0) {
    notes.push(`The device drivers of ${arch.name} already live in the parent.`);
    return paths;
  }
  for (const d of moved) d.layer = layer;
  notes.push(
    `Drivers moved into the parent (${arch.layers.find((l) => l.id === layer)?.name}): ${moved.map((d) => d.name).join(', ')}. I/O now crosses from the hypervisor to the parent and back.`,
  );
  return paths.map((path) => ({ ...path, hops: path.hops.map((h) => fixMechanism(arch, h)) }));
}

/** Gives a hop that the move made invalid an allowed crossing mechanism, with the cost of that crossing. */
function fixMechanism(arch: Architecture, hop: Hop): Hop {
  const { allowed } = allowedMechanisms(arch, hop.from, hop.to);
  if (allowed.includes(hop.mechanism) || allowed.length === 0) return hop;
  const mechanism = PREFERRED.find((m) => allowed.includes(m)) ?? (allowed[0] as Mechanism);
  const param = CROSSING_PARAM[mechanism];
  const params = param && !hop.params.includes(param) ? [...hop.params, param] : hop.params;
  return note({ ...hop, mechanism, params }, `this now crosses a boundary, by ${mechanism}`);
}

function withoutBatching(paths: IoPath[], notes: string[]): IoPath[] {
  let count = 0;
  const out = paths.map((p) => ({
    ...p,
    hops: p.hops.map((h) => {
      if (!h.perBatch) return h;
      count++;
      return note({ ...h, perBatch: false }, 'batching is off, so this happens for every request');
    }),
  }));
  notes.push(
    count > 0
      ? `Batching off: ${count} signal/interrupt hops now happen once per request instead of once per batch.`
      : 'Batching off: no path here batches its signals.',
  );
  return out;
}

function withoutHardwareAssist(library: Library, arch: Architecture, paths: IoPath[], notes: string[]): IoPath[] {
  if (NEEDS_HARDWARE_ASSIST.has(arch.id))
    notes.push(`${arch.name} needs VT-x or AMD-V: without it, this is a thought experiment.`);
  notes.push('Hardware assist off: guest exits are caught by binary translation; their costs use the P4 figures.');
  return paths.map((p) => ({
    ...p,
    hops: p.hops.map((h) => {
      if (!isGuestExit(arch, h)) return h;
      const params = h.params.map((id) => library.parameters.get(id)?.withoutHardwareAssist ?? id);
      const mechanism: Mechanism = h.mechanism === 'vmexit' ? 'trap' : h.mechanism;
      return note({ ...h, mechanism, params }, 'binary translation catches this access instead of a VT-x exit');
    }),
  }));
}

export function deriveVariant(library: Library, architectureId: string, whatIfs: Partial<WhatIfs> = {}): Variant {
  const original = library.architectures.get(architectureId);
  if (!original) throw new Error(`unknown architecture "${architectureId}"`);
  const w = resolveWhatIfs(whatIfs);
  const architecture: Architecture = structuredClone(original);
  let paths: IoPath[] = [...library.paths.values()].filter((p) => p.architecture === architectureId);
  const notes: string[] = [];
  if (w.driversIn === 'hypervisor') paths = moveDriversToHypervisor(library, architecture, paths, notes);
  else if (w.driversIn === 'parent') paths = moveDriversToParent(architecture, paths, notes);
  if (!w.batching) paths = withoutBatching(paths, notes);
  if (!w.hardwareAssist) paths = withoutHardwareAssist(library, architecture, paths, notes);
  for (const p of paths)
    for (const e of validatePath(architecture, p)) notes.push(`Variant path "${p.id}" is invalid: ${e.message}`);
  return { architecture, paths, notes };
}

/** A library where an architecture and its paths are replaced by a variant (same ids), e.g. for a player. */
export function withVariant(library: Library, variant: Variant): Library {
  const architectures = new Map(library.architectures);
  architectures.set(variant.architecture.id, variant.architecture);
  const paths = new Map(library.paths);
  for (const p of variant.paths) paths.set(p.id, p);
  return { ...library, architectures, paths };
}

/** Whether a component sits in a guest VM column. */
export function inGuest(arch: Architecture, componentId: string): boolean {
  const col = columnOf(arch, componentId);
  return arch.columns.some((c) => c.id === col && c.vm);
}

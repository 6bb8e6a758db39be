/**
 * What-ifs: derive a variant of an architecture and re-route its paths.
 *
 * - driversIn: the physical device drivers (kind "driver" outside the guests, depending on a hardware component) move
 *   to the hypervisor's machine-wide layer or to the parent's kernel layer. Only the drivers move: device emulation
 *   (vmwp.exe, QEMU), the VSPs and the host's storage stack stay where the design puts them, so hops that now cross
 *   between the parent and the hypervisor get a crossing mechanism (hypercall one way, interrupt the other) and its
 *   cost. Where emulation runs is a separate design choice, not part of this what-if.
 * - batching off: per-batch hops happen once per request.
 * - hardware assist: a release runs guests with VT-x exits or with binary translation (architecture.cpu). Switching
 *   replaces a guest exit's costs by their alternatives measured on the same machine (P4: one 2006 Pentium 4), and
 *   the hop becomes a VM exit or a trap. A release that cannot switch (Hyper-V, KVM and Xen HVM need VT; a 2001
 *   hosted VMM has no VT) refuses, with the reason.
 * - path options (e.g. PIO instead of DMA, the optimizations of a paper): hops marked onlyWith / notWith appear or
 *   disappear, and the option's replaceParams swap parameters.
 * Every re-routed path is checked with validatePath; a problem is reported in `notes`.
 */
import { columnOf, contextOf } from './architecture';
import type { Architecture, Component, Hop, IoPath, Library, Mechanism, WhatIfs } from './types';

export { effectiveHardwareAssist, hardwareAssistRefusal, resolvePath } from './pathResolution';
import { note, resolvePath, resolveWhatIfs, hardwareAssistRefusal } from './pathResolution';
import { allowedMechanisms, validatePath } from './validatePath';

export interface Variant {
  architecture: Architecture;
  paths: IoPath[];
  notes: string[];
  /** What-ifs this architecture cannot do, with the reason (e.g. hardware assist off on Hyper-V). */
  refused: { whatIf: keyof WhatIfs; reason: string }[];
}

function physicalDrivers(arch: Architecture): Component[] {
  const hardware = new Set(arch.components.filter((c) => contextOf(arch, c.id).ring === 'hardware').map((c) => c.id));
  return arch.components.filter((c) => {
    const ctx = contextOf(arch, c.id);
    return c.kind === 'driver' && ctx.domain !== 'guest' && c.dependsOn.some((d) => hardware.has(d));
  });
}

/** The hypervisor's machine-wide layer. */
function hypervisorLayer(arch: Architecture): string | undefined {
  return arch.layers.find((l) => l.context.domain === 'hypervisor' && l.column === undefined)?.id;
}

function parentKernelLayer(arch: Architecture): string | undefined {
  return arch.layers.find((l) => l.context.domain === 'host' && l.context.ring === 'ring0')?.id;
}

const PREFERRED: Mechanism[] = ['hypercall', 'interrupt', 'signal', 'syscall', 'call', 'ring-write'];

/**
 * Moves the physical drivers into the hypervisor's machine-wide layer or the parent's kernel: only the drivers move,
 * and every hop that now crosses between the two gets an allowed crossing mechanism and its cost.
 */
function moveDrivers(
  arch: Architecture,
  paths: IoPath[],
  notes: string[],
  to: 'hypervisor' | 'parent',
  crossings: Library['crossings'],
): IoPath[] {
  if (arch.type === 'type2') {
    notes.push('A hosted (Type 2) VMM always uses the host OS drivers; nothing moves.');
    return paths;
  }
  const layer = to === 'hypervisor' ? hypervisorLayer(arch) : parentKernelLayer(arch);
  if (!layer) {
    notes.push(
      to === 'hypervisor'
        ? `${arch.name} has no machine-wide hypervisor layer to move drivers into.`
        : arch.driverModel === 'linux'
          ? `In ${arch.name} the host Linux kernel is the hypervisor and holds the drivers: there is no parent to move them to.`
          : `${arch.name} has no parent partition kernel to move drivers into.`,
    );
    return paths;
  }
  const from = to === 'hypervisor' ? 'host' : 'hypervisor';
  const moved = physicalDrivers(arch).filter((d) => contextOf(arch, d.id).domain === from);
  if (moved.length === 0) {
    notes.push(`The device drivers of ${arch.name} already live in the ${to}.`);
    return paths;
  }
  for (const d of moved) d.layer = layer;
  const names = moved.map((d) => d.name).join(', ');
  notes.push(
    to === 'hypervisor'
      ? `Drivers moved into the hypervisor: ${names}. Only the drivers move: device emulation, the service providers and the host's storage stack stay where they were, so I/O now crosses from the parent to the hypervisor's drivers and back.`
      : `Drivers moved into the parent (${arch.layers.find((l) => l.id === layer)?.name}): ${names}. I/O now crosses from the hypervisor to the parent and back.`,
  );
  return paths.map((path) => ({ ...path, hops: path.hops.map((h) => fixMechanism(arch, h, crossings)) }));
}

/** Gives a hop that the move made invalid an allowed crossing mechanism, with the cost of that crossing. */
function fixMechanism(arch: Architecture, hop: Hop, crossings: Library['crossings']): Hop {
  const { allowed } = allowedMechanisms(arch, hop.from, hop.to);
  if (allowed.includes(hop.mechanism) || allowed.length === 0) return hop;
  const mechanism = PREFERRED.find((m) => allowed.includes(m)) ?? (allowed[0] as Mechanism);
  const param = crossings.get(mechanism);
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

export function deriveVariant(library: Library, architectureId: string, whatIfs: Partial<WhatIfs> = {}): Variant {
  const original = library.architectures.get(architectureId);
  if (!original) throw new Error(`unknown architecture "${architectureId}"`);
  const w = resolveWhatIfs(whatIfs);
  const architecture: Architecture = structuredClone(original);
  const notes: string[] = [];
  const refused: Variant['refused'] = [];
  const refusal = hardwareAssistRefusal(architecture, w);
  if (refusal) {
    refused.push({ whatIf: 'hardwareAssist', reason: refusal });
    notes.push(refusal);
  } else if (w.hardwareAssist !== undefined && w.hardwareAssist !== (architecture.cpu.mode === 'vt'))
    notes.push(
      w.hardwareAssist
        ? `Hardware assist on: ${architecture.name} runs the guest with first-generation VT-x. Guest I/O accesses become VM exits, costed with the same 2006 Pentium 4 as binary translation (P4), so the comparison is like for like.`
        : `Binary translation: guest I/O accesses are caught by translated code instead of VM exits, costed on the same 2006 Pentium 4 (P4).`,
    );
  let paths: IoPath[] = [...library.paths.values()]
    .filter((p) => p.architecture === architectureId)
    .map((p) => resolvePath(library, architecture, p, w));
  for (const p of paths)
    for (const opt of p.options)
      if (w.options.includes(opt.id)) notes.push(`${p.name}: ${opt.label}. ${opt.description}`);
  if (w.driversIn) paths = moveDrivers(architecture, paths, notes, w.driversIn, library.crossings);
  if (!w.batching) paths = withoutBatching(paths, notes);
  for (const p of paths)
    for (const e of validatePath(architecture, p)) notes.push(`Variant path "${p.id}" is invalid: ${e.message}`);
  return { architecture, paths, notes, refused };
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

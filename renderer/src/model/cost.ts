/**
 * The cost model: what one request on a path costs, hop by hop.
 *
 * Counting rules, per occurrence of a hop:
 * - exits: a trap, VM exit or hypercall *from a guest* (the guest's vCPU stops; hypervisors.md counts these, e.g.
 *   path A has "at most one exit" per batch). A hypercall made by the root or dom0 costs its cycles but is not a guest exit.
 * - worldSwitches: a `world-switch` hop (Type 2: all CPU state saved, host <-> VMM).
 * - interrupts: an `interrupt` hop (physical or injected).
 * - copies: a `copy` hop.
 * - contextSwitches: the hop's `contextSwitch` flag, or by default a hop that enters a host-side user process (ring 3
 *   outside the guests: vmwp, QEMU, VMApp, VMX) from a kernel or the hypervisor by a control transfer (not by a ring
 *   write, copy or DMA, which only leave data in memory).
 * A hop happens `repeat` times per request (a count parameter; default 1); a `perBatch` hop is divided by the batch
 * size when batching is on. Cycles are the sum of the hop's parameters: a value in cycles as is; a value in µs is
 * converted at the clock it was measured on (`measuredAtGHz`) or, without one, at the chosen clock. Microseconds =
 * cycles / (clockGHz * 1000). The path is first resolved for the what-ifs (pathResolution.ts): option hops in or
 * out, option parameters swapped, guest exits costed for VT-x or binary translation as the release and the what-if say.
 */
import { contextOf } from './architecture';
import { DEFAULT_WHATIFS, isGuestExit, resolvePath, resolveWhatIfs } from './pathResolution';
import type { Architecture, CostParameter, CostReport, Counters, Hop, IoPath, Library, WhatIfs } from './types';
import { ownValue } from './ownKey';

export { DEFAULT_WHATIFS, isGuestExit, resolveWhatIfs };

export const DEFAULT_CLOCK_GHZ = 3;

export interface CostOptions {
  /** Parameter values by id, replacing the library's (the Lab's sliders). */
  overrides?: Record<string, number>;
  whatIfs?: Partial<WhatIfs>;
  clockGHz?: number;
  /** The architecture to count against (e.g. a what-if variant); defaults to the path's architecture in the library. */
  architecture?: Architecture;
}

const DATA_ONLY = new Set(['ring-write', 'copy', 'dma']);

export function zeroCounters(): Counters {
  return { exits: 0, worldSwitches: 0, interrupts: 0, copies: 0, contextSwitches: 0, cycles: 0, microseconds: 0 };
}

export function addCounters(a: Counters, b: Counters): Counters {
  return {
    exits: a.exits + b.exits,
    worldSwitches: a.worldSwitches + b.worldSwitches,
    interrupts: a.interrupts + b.interrupts,
    copies: a.copies + b.copies,
    contextSwitches: a.contextSwitches + b.contextSwitches,
    cycles: a.cycles + b.cycles,
    microseconds: a.microseconds + b.microseconds,
  };
}

/** The batch size in effect: 1 when batching is off. */
export function effectiveBatch(w: WhatIfs): number {
  return w.batching ? Math.max(1, Math.floor(w.batchSize)) : 1;
}

export function isContextSwitch(arch: Architecture, hop: Hop): boolean {
  if (hop.contextSwitch !== undefined) return hop.contextSwitch;
  const from = contextOf(arch, hop.from);
  const to = contextOf(arch, hop.to);
  if (DATA_ONLY.has(hop.mechanism)) return false;
  return to.ring === 'ring3' && to.domain !== 'guest' && from.ring !== 'ring3';
}

function requireParam(library: Library, id: string): CostParameter {
  const p = library.parameters.get(id);
  if (!p) throw new Error(`unknown cost parameter "${id}"`);
  return p;
}

/** A parameter's value after overrides. */
export function paramValue(library: Library, id: string, overrides: Record<string, number> = {}): number {
  return ownValue(overrides, id) ?? requireParam(library, id).value;
}

/** Cycles of one use of a time parameter at the chosen clock. */
export function paramCycles(p: CostParameter, value: number, clockGHz: number): number {
  if (p.unit === 'cycles') return value;
  if (p.unit === 'us') return value * (p.measuredAtGHz ?? clockGHz) * 1000;
  throw new Error(`parameter "${p.id}" is in ${p.unit}, not a time`);
}

export function computeCost(library: Library, path: IoPath, options: CostOptions = {}): CostReport {
  const arch = options.architecture ?? library.architectures.get(path.architecture);
  if (!arch) throw new Error(`unknown architecture "${path.architecture}" for path "${path.id}"`);
  const clockGHz = options.clockGHz ?? path.clockGHz ?? DEFAULT_CLOCK_GHZ;
  const whatIfs = resolveWhatIfs(options.whatIfs);
  const batch = effectiveBatch(whatIfs);
  const overrides = options.overrides ?? {};
  let estimate = false;
  const note = (p: CostParameter) => {
    if (p.mark === 'estimate' || p.mark === 'unverified') estimate = true;
  };

  const resolved = resolvePath(library, arch, path, whatIfs);
  const perHop = resolved.hops.map((hop) => {
    let repeat = 1;
    if (hop.repeat !== undefined) {
      note(requireParam(library, hop.repeat));
      repeat = Math.max(0, Math.round(paramValue(library, hop.repeat, overrides)));
    }
    const perBatch = hop.perBatch === true;
    const times = perBatch ? repeat / batch : repeat;
    const guestExit = isGuestExit(arch, hop);
    const params = hop.params.map((id) => {
      const p = requireParam(library, id);
      note(p);
      return { id: p.id, cycles: paramCycles(p, paramValue(library, p.id, overrides), clockGHz) };
    });
    const once = params.reduce((s, p) => s + p.cycles, 0);
    const cycles = once * times;
    const counters: Counters = {
      exits: guestExit ? times : 0,
      worldSwitches: hop.mechanism === 'world-switch' ? times : 0,
      interrupts: hop.mechanism === 'interrupt' ? times : 0,
      copies: hop.mechanism === 'copy' ? times : 0,
      contextSwitches: isContextSwitch(arch, hop) ? times : 0,
      cycles,
      microseconds: cycles / (clockGHz * 1000),
    };
    return { hopId: hop.id, counters, times, perBatch, params };
  });

  const perRequest = perHop.reduce((acc, h) => addCounters(acc, h.counters), zeroCounters());
  const us = perRequest.microseconds;
  return {
    perHop,
    perRequest,
    requestsPerSecondPerCore: us > 0 ? 1e6 / us : Number.POSITIVE_INFINITY,
    cpuMicrosecondsPerRequest: us,
    clockGHz,
    estimate,
  };
}

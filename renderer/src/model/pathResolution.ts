/**
 * How a path runs under the what-ifs that do not change the architecture: its own options (e.g. PIO instead of DMA)
 * and the CPU mode (VT-x exits or binary translation). Used by the cost model, the players and the Lab's variants, so
 * every view resolves a path the same way.
 */
import { contextOf } from './architecture';
import { EXIT_MECHANISMS } from './schema';
import type { Architecture, Hop, IoPath, Library, WhatIfs } from './types';

export const DEFAULT_WHATIFS: WhatIfs = { batchSize: 8, batching: true, options: [] };

const EXITS: ReadonlySet<string> = new Set(EXIT_MECHANISMS);

export function resolveWhatIfs(w?: Partial<WhatIfs>): WhatIfs {
  return { ...DEFAULT_WHATIFS, ...w };
}

/** True when the hop leaves a guest by trap, VM exit or hypercall. */
export function isGuestExit(arch: Architecture, hop: Hop): boolean {
  return EXITS.has(hop.mechanism) && contextOf(arch, hop.from).domain === 'guest';
}

/** Adds a what-if note to a hop's narration once (idempotent) and marks the hop as the model's estimate. */
export function note(hop: Hop, text: string): Hop {
  const tag = `(What-if: ${text})`;
  return hop.narration.includes(tag) ? hop : { ...hop, narration: `${hop.narration} ${tag}`, mark: 'estimate' };
}

/** Whether guests run with VT-x/AMD-V: the release's own mode unless it can switch and the what-if asks. */
export function effectiveHardwareAssist(arch: Architecture, whatIfs: Partial<WhatIfs> = {}): boolean {
  const own = arch.cpu.mode === 'vt';
  if (whatIfs.hardwareAssist === undefined || !arch.cpu.switchable) return own;
  return whatIfs.hardwareAssist;
}

/** Why a release refuses a hardware-assist what-if, or null when it can do it. */
export function hardwareAssistRefusal(arch: Architecture, whatIfs: Partial<WhatIfs>): string | null {
  if (whatIfs.hardwareAssist === undefined || arch.cpu.switchable) return null;
  if (whatIfs.hardwareAssist === (arch.cpu.mode === 'vt')) return null;
  return `${arch.name} cannot run guests ${whatIfs.hardwareAssist ? 'with VT-x/AMD-V' : 'with binary translation'}: ${arch.cpu.note}`;
}

/**
 * A path as it runs under the what-ifs that belong to a path and a CPU mode: option hops in or out, option
 * parameters swapped, guest exits costed for VT-x or binary translation. Idempotent: resolving twice changes nothing.
 */
export function resolvePath(
  library: Library,
  arch: Architecture,
  path: IoPath,
  whatIfs: Partial<WhatIfs> = {},
): IoPath {
  const on = new Set((whatIfs.options ?? []).filter((o) => path.options.some((p) => p.id === o)));
  const replace = new Map<string, string>();
  for (const opt of path.options)
    if (on.has(opt.id)) for (const [a, b] of Object.entries(opt.replaceParams)) replace.set(a, b);
  const assist = effectiveHardwareAssist(arch, whatIfs);
  const hops = path.hops
    .filter((h) => (h.onlyWith === undefined || on.has(h.onlyWith)) && (h.notWith === undefined || !on.has(h.notWith)))
    .map((h) => {
      let params = h.params.map((id) => replace.get(id) ?? id);
      let mechanism = h.mechanism;
      if (isGuestExit(arch, h)) {
        const field = assist ? 'withHardwareAssist' : 'withoutHardwareAssist';
        const swapped = params.map((id) => library.parameters.get(id)?.[field] ?? id);
        if (swapped.some((id, i) => id !== params[i])) {
          params = swapped;
          if (assist && mechanism === 'trap') mechanism = 'vmexit';
          if (!assist && mechanism === 'vmexit') mechanism = 'trap';
          return note(
            { ...h, params, mechanism },
            assist
              ? 'with VT-x this access is a VM exit; the cost is the same 2006 Pentium 4 measured with first-generation VT (P4)'
              : 'binary translation catches this access instead of a VT-x exit; the cost is the same 2006 Pentium 4 measured with BT (P4)',
          );
        }
      }
      return params.some((id, i) => id !== h.params[i]) ? { ...h, params } : h;
    });
  return hops.length === path.hops.length && hops.every((h, i) => h === path.hops[i]) ? path : { ...path, hops };
}

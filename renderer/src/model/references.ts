/**
 * "Cited by": for every source of the library, everything that cites it (architectures with their CPU and crash notes,
 * components, paths with their options, hops, cost parameters, calibration figures, claims, foundations), computed from
 * the content itself so the References view can never drift from it.
 */
import type { Library } from './types';

export type CitationTarget =
  | { kind: 'architecture'; architectureId: string }
  | { kind: 'component'; architectureId: string; componentId: string }
  | { kind: 'path'; pathId: string; optionId?: string }
  | { kind: 'hop'; pathId: string; hopId: string; hopIndex: number }
  | { kind: 'parameter'; parameterId: string }
  | { kind: 'figure'; figureId: string }
  | { kind: 'claim'; claimId: string }
  | { kind: 'foundation'; foundationId: string };

export type CitationKind = CitationTarget['kind'];

/** One thing that cites a source, with a label to show, e.g. "Hyper-V (Windows Server 2008) › vmswitch.sys". */
export type Citation = CitationTarget & { label: string };

export const CITATION_KINDS: readonly CitationKind[] = [
  'architecture',
  'component',
  'path',
  'hop',
  'parameter',
  'figure',
  'claim',
  'foundation',
];

/** A stable key for a citation target (for de-duplication and for keyed lists). */
export function citationKey(t: CitationTarget): string {
  switch (t.kind) {
    case 'architecture':
      return `architecture:${t.architectureId}`;
    case 'component':
      return `component:${t.architectureId}/${t.componentId}`;
    case 'path':
      return t.optionId === undefined ? `path:${t.pathId}` : `path:${t.pathId}#${t.optionId}`;
    case 'hop':
      return `hop:${t.pathId}/${t.hopId}`;
    case 'parameter':
      return `parameter:${t.parameterId}`;
    case 'figure':
      return `figure:${t.figureId}`;
    case 'claim':
      return `claim:${t.claimId}`;
    case 'foundation':
      return `foundation:${t.foundationId}`;
  }
}

/**
 * Every source key of the library mapped to what cites it, in a stable order (by kind, then content order). Keys cited
 * by content but missing from the library's sources are included too, so a caller can report them.
 */
export function citedBy(library: Library): Map<string, Citation[]> {
  const out = new Map<string, Citation[]>();
  const seen = new Set<string>();
  for (const key of library.sources.keys()) out.set(key, []);
  const add = (keys: Iterable<string>, citation: Citation) => {
    for (const key of keys) {
      const dedup = `${key}|${citationKey(citation)}`;
      if (seen.has(dedup)) continue;
      seen.add(dedup);
      const list = out.get(key) ?? [];
      list.push(citation);
      out.set(key, list);
    }
  };

  for (const a of library.architectures.values()) {
    add(a.sources, { kind: 'architecture', architectureId: a.id, label: a.name });
    add(a.cpu.sources, { kind: 'architecture', architectureId: a.id, label: `${a.name} › CPU virtualization` });
    add(a.hostKernelCrash?.sources ?? [], {
      kind: 'architecture',
      architectureId: a.id,
      label: `${a.name} › what a host kernel crash does`,
    });
    for (const c of a.components)
      add(c.sources, { kind: 'component', architectureId: a.id, componentId: c.id, label: `${a.name} › ${c.name}` });
  }
  for (const p of library.paths.values()) {
    add(p.sources, { kind: 'path', pathId: p.id, label: p.name });
    for (const o of p.options)
      add(o.sources, { kind: 'path', pathId: p.id, optionId: o.id, label: `${p.name} › what-if: ${o.label}` });
  }
  for (const p of library.paths.values())
    p.hops.forEach((h, i) =>
      add(h.sources, {
        kind: 'hop',
        pathId: p.id,
        hopId: h.id,
        hopIndex: i,
        label: `${p.name} › step ${i + 1}: ${h.label}`,
      }),
    );
  for (const p of library.parameters.values()) {
    add(p.source === null ? [] : [p.source], { kind: 'parameter', parameterId: p.id, label: p.name });
    add(p.basedOn ?? [], { kind: 'parameter', parameterId: p.id, label: `${p.name} (model estimate based on it)` });
  }
  for (const f of library.figures.values())
    add([f.source], { kind: 'figure', figureId: f.id, label: `Calibration figure: ${f.name}` });
  const claims = [...library.claims.values()].sort((a, b) => a.number - b.number);
  for (const c of claims)
    add(
      c.evidence.flatMap((e) => e.sources),
      { kind: 'claim', claimId: c.id, label: `Claim ${c.number}: ${c.claim}` },
    );
  for (const f of library.foundations.values())
    add([...f.sources, ...f.body.flatMap((p) => p.sources)], {
      kind: 'foundation',
      foundationId: f.id,
      label: `Foundation: ${f.title}`,
    });

  for (const list of out.values()) list.sort((a, b) => CITATION_KINDS.indexOf(a.kind) - CITATION_KINDS.indexOf(b.kind));
  return out;
}

/** Keys of the library's sources that nothing cites, in the library's order. */
export function uncitedSources(library: Library, cited: Map<string, Citation[]> = citedBy(library)): string[] {
  return [...library.sources.keys()].filter((key) => (cited.get(key)?.length ?? 0) === 0);
}
